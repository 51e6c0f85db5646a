CREATE TABLE `campaign_reminders` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`campaign_id` integer NOT NULL,
	`invitation_id` integer NOT NULL,
	`sent_by` integer NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`campaign_id`) REFERENCES `tenders`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`sent_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `campaign_reminders_campaign` ON `campaign_reminders` (`campaign_id`);--> statement-breakpoint
CREATE TABLE `improvement_action_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`action_id` integer NOT NULL,
	`user_id` integer NOT NULL,
	`organisation_id` integer NOT NULL,
	`event` text NOT NULL,
	`from_status` text,
	`to_status` text,
	`note` text DEFAULT '' NOT NULL,
	`file_id` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`action_id`) REFERENCES `improvement_actions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`file_id`) REFERENCES `files`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `improvement_action_events_action` ON `improvement_action_events` (`action_id`);--> statement-breakpoint
CREATE TABLE `improvement_actions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`campaign_id` integer NOT NULL,
	`organisation_id` integer NOT NULL,
	`supplier_organisation_id` integer NOT NULL,
	`criterion` text NOT NULL,
	`action` text NOT NULL,
	`owner` text NOT NULL,
	`due_date` text NOT NULL,
	`status` text DEFAULT 'proposed' NOT NULL,
	`baseline_score` real,
	`proposed_by` integer NOT NULL,
	`agreed_by_buyer_at` text,
	`agreed_by_supplier_at` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`campaign_id`) REFERENCES `tenders`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`supplier_organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`proposed_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `improvement_actions_campaign` ON `improvement_actions` (`campaign_id`,`supplier_organisation_id`);--> statement-breakpoint
CREATE INDEX `improvement_actions_supplier` ON `improvement_actions` (`supplier_organisation_id`);--> statement-breakpoint
ALTER TABLE `tenders` ADD `kind` text DEFAULT 'tender' NOT NULL;--> statement-breakpoint
ALTER TABLE `evaluations` ADD `planned_not_in_place` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `response_answers` ADD `source_note` text DEFAULT '' NOT NULL;