CREATE TABLE `identity_changes` (
	`user_id` text NOT NULL,
	`identity` text NOT NULL,
	`room_id` text NOT NULL,
	`first_event_id` text NOT NULL,
	`first_seen_at` integer NOT NULL,
	`approved_by` text,
	`approved_at` integer,
	`approval_event_id` text,
	PRIMARY KEY(`user_id`, `identity`)
);
--> statement-breakpoint
ALTER TABLE `event_log` ADD `verification` text;--> statement-breakpoint
ALTER TABLE `event_log` ADD `sender_identity` text;