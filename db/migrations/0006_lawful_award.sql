CREATE TABLE `offer_value_reviews` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`tender_id` integer NOT NULL,
	`submission_id` integer NOT NULL,
	`criterion_id` text NOT NULL,
	`value` real,
	`justification` text DEFAULT '' NOT NULL,
	`evaluator_id` integer NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`tender_id`) REFERENCES `tenders`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`submission_id`) REFERENCES `submissions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`evaluator_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `offer_value_reviews_unique` ON `offer_value_reviews` (`submission_id`,`criterion_id`);--> statement-breakpoint
CREATE TABLE `response_offer_values` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`response_id` integer NOT NULL,
	`criterion_id` text NOT NULL,
	`value` real,
	`updated_by` integer,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`response_id`) REFERENCES `responses`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`updated_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `response_offer_values_unique` ON `response_offer_values` (`response_id`,`criterion_id`);--> statement-breakpoint
ALTER TABLE `organisations` ADD `procurement_regime` text DEFAULT 'public' NOT NULL;