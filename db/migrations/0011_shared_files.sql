CREATE TABLE `factor_staging` (
	`staging_id` text NOT NULL,
	`seq` integer NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`line` integer NOT NULL,
	`item` text NOT NULL,
	`segment` text NOT NULL,
	`ghg_category` integer,
	`value` real NOT NULL,
	`unit` text NOT NULL,
	`mass_unit` text NOT NULL,
	`activity_unit` text NOT NULL,
	`value_kg_per_unit` real NOT NULL,
	`uncertainty_pct` real,
	`method` text NOT NULL,
	`accounting` text,
	`reference_year` integer NOT NULL,
	`verified_by` text,
	`source` text,
	`extra` text,
	`pcf_data` text,
	PRIMARY KEY(`staging_id`, `seq`)
);
--> statement-breakpoint
CREATE INDEX `factor_staging_created` ON `factor_staging` (`created_at`);--> statement-breakpoint
CREATE TABLE `file_blobs` (
	`sha256` text NOT NULL,
	`chunk` integer NOT NULL,
	`bytes` blob NOT NULL,
	PRIMARY KEY(`sha256`, `chunk`)
);
