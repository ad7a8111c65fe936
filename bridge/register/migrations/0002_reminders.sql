CREATE TABLE `reminders` (
	`id` text PRIMARY KEY NOT NULL,
	`room_id` text NOT NULL,
	`preservation` text NOT NULL,
	`kind` text NOT NULL,
	`offset_ms` integer NOT NULL,
	`expires` integer NOT NULL,
	`due_at` integer NOT NULL,
	`state` text NOT NULL,
	`txn_id` text NOT NULL,
	`escalates` text,
	`sent_at` integer,
	`event_id` text,
	`mentioned` text,
	`acknowledged_at` integer,
	`acknowledged_by` text
);
--> statement-breakpoint
CREATE INDEX `reminders_due` ON `reminders` (`state`,`due_at`);--> statement-breakpoint
CREATE INDEX `reminders_room` ON `reminders` (`room_id`,`preservation`);