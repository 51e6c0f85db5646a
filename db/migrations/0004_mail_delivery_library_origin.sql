CREATE TABLE `deadline_reminders` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`invitation_id` integer NOT NULL,
	`kind` text NOT NULL,
	`outbox_id` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`invitation_id`) REFERENCES `invitations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`outbox_id`) REFERENCES `outbox`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `deadline_reminders_unique` ON `deadline_reminders` (`invitation_id`,`kind`);--> statement-breakpoint
ALTER TABLE `outbox` ADD `status` text DEFAULT 'pending' NOT NULL;--> statement-breakpoint
ALTER TABLE `outbox` ADD `attempts` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `outbox` ADD `last_error` text;--> statement-breakpoint
ALTER TABLE `outbox` ADD `last_attempt_at` text;--> statement-breakpoint
ALTER TABLE `outbox` ADD `next_attempt_at` text;--> statement-breakpoint
ALTER TABLE `outbox` ADD `claimed_by` text;--> statement-breakpoint
ALTER TABLE `outbox` ADD `claimed_until` text;--> statement-breakpoint
CREATE INDEX `outbox_org` ON `outbox` (`organisation_id`,`id`);--> statement-breakpoint
CREATE INDEX `outbox_status` ON `outbox` (`status`,`next_attempt_at`);--> statement-breakpoint
ALTER TABLE `answer_library` ADD `source` text DEFAULT 'draft' NOT NULL;--> statement-breakpoint
ALTER TABLE `answer_library` ADD `source_tender_id` integer REFERENCES tenders(id);--> statement-breakpoint
ALTER TABLE `answer_library` ADD `source_submission_id` integer REFERENCES submissions(id);