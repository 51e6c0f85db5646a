CREATE TABLE `allocated_emissions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`supplier_organisation_id` integer NOT NULL,
	`customer_organisation_id` integer NOT NULL,
	`year` integer NOT NULL,
	`scope12_t` real NOT NULL,
	`scope3_upstream_t` real,
	`method` text NOT NULL,
	`method_description` text,
	`verification` text NOT NULL,
	`verified_by` text,
	`uncertainty_pct` real,
	`evidence_file_id` integer,
	`created_by` integer NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`deleted_at` text,
	FOREIGN KEY (`supplier_organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`customer_organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`evidence_file_id`) REFERENCES `files`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `allocated_emissions_customer` ON `allocated_emissions` (`customer_organisation_id`,`year`);--> statement-breakpoint
CREATE UNIQUE INDEX `allocated_emissions_live` ON `allocated_emissions` (`supplier_organisation_id`,`customer_organisation_id`,`year`) WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE TABLE `base_empreinte_elements` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`organisation_id` integer NOT NULL,
	`element_id` text NOT NULL,
	`name` text NOT NULL,
	`category` text DEFAULT '' NOT NULL,
	`unit` text NOT NULL,
	`value` real NOT NULL,
	`kg_per_k_eur` real NOT NULL,
	`status` text NOT NULL,
	`year` integer,
	`year_from` text,
	`validity` text DEFAULT '' NOT NULL,
	`location` text DEFAULT '' NOT NULL,
	`source` text DEFAULT '' NOT NULL,
	`uncertainty_pct` real,
	`posts` text NOT NULL,
	`file_id` integer NOT NULL,
	`imported_by` integer NOT NULL,
	`imported_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`file_id`) REFERENCES `files`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`imported_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `base_empreinte_elements_id` ON `base_empreinte_elements` (`organisation_id`,`element_id`);--> statement-breakpoint
CREATE TABLE `deflators` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`organisation_id` integer NOT NULL,
	`year` integer NOT NULL,
	`index` real NOT NULL,
	`source` text NOT NULL,
	`verified` integer DEFAULT false NOT NULL,
	`updated_by` integer,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`updated_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `deflators_year` ON `deflators` (`organisation_id`,`year`);--> statement-breakpoint
ALTER TABLE `factors` ADD `pcf_data` text;--> statement-breakpoint
ALTER TABLE `reference_ratios` ADD `external_id` text;--> statement-breakpoint
ALTER TABLE `reference_ratios` ADD `unit` text;--> statement-breakpoint
ALTER TABLE `reference_ratios` ADD `status` text;