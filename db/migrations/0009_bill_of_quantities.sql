CREATE TABLE `bill_offers` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`tender_id` integer NOT NULL,
	`supplier_organisation_id` integer NOT NULL,
	`complete` integer NOT NULL,
	`incomplete_lines` integer NOT NULL,
	`price_cents` integer,
	`footprint_grams` integer,
	`flagged` integer DEFAULT 0 NOT NULL,
	`unverified` integer DEFAULT 0 NOT NULL,
	`computed_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`tender_id`) REFERENCES `tenders`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`supplier_organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `bill_offers_unique` ON `bill_offers` (`tender_id`,`supplier_organisation_id`);--> statement-breakpoint
CREATE TABLE `bill_replacements` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`tender_id` integer NOT NULL,
	`supplier_organisation_id` integer NOT NULL,
	`line_id` text NOT NULL,
	`ratio_key` text NOT NULL,
	`ratio_label` text NOT NULL,
	`ratio_kg_per_k_eur` text NOT NULL,
	`ratio_source` text NOT NULL,
	`ratio_year` integer NOT NULL,
	`justification` text NOT NULL,
	`created_by` integer NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`withdrawn_at` text,
	`withdrawn_by` integer,
	FOREIGN KEY (`tender_id`) REFERENCES `tenders`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`supplier_organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`withdrawn_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `bill_replacements_tender` ON `bill_replacements` (`tender_id`,`supplier_organisation_id`);--> statement-breakpoint
CREATE TABLE `bill_responses` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`tender_id` integer NOT NULL,
	`supplier_organisation_id` integer NOT NULL,
	`line_id` text NOT NULL,
	`unit_price` text,
	`factor` text,
	`factor_id` integer,
	`method` text,
	`source` text,
	`reference_year` integer,
	`verified_by` text,
	`uncertainty_pct` text,
	`updated_by` integer,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`tender_id`) REFERENCES `tenders`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`supplier_organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`factor_id`) REFERENCES `factors`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`updated_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `bill_responses_unique` ON `bill_responses` (`tender_id`,`supplier_organisation_id`,`line_id`);--> statement-breakpoint
CREATE INDEX `bill_responses_tender` ON `bill_responses` (`tender_id`);--> statement-breakpoint
ALTER TABLE `tenders` ADD `awarded_supplier_organisation_id` integer REFERENCES organisations(id);--> statement-breakpoint
ALTER TABLE `activity_data` ADD `source_tender_id` integer REFERENCES tenders(id);--> statement-breakpoint
ALTER TABLE `activity_data` ADD `source_line_id` text;--> statement-breakpoint
ALTER TABLE `activity_data` ADD `source_factor_id` integer REFERENCES factors(id);--> statement-breakpoint
ALTER TABLE `activity_data` ADD `tender_factor_kg_per_unit` text;--> statement-breakpoint
ALTER TABLE `activity_data` ADD `provenance` text;--> statement-breakpoint
CREATE UNIQUE INDEX `activity_data_tender_line` ON `activity_data` (`source_tender_id`,`source_line_id`,`year`);