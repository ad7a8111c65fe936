CREATE TABLE `ended_devices` (
	`user_id` text NOT NULL,
	`device_id` text NOT NULL,
	`ended_at` integer NOT NULL,
	`ended_by` text NOT NULL,
	PRIMARY KEY(`user_id`, `device_id`)
);
--> statement-breakpoint
ALTER TABLE `sessions` ADD `matrix_token` blob;--> statement-breakpoint
ALTER TABLE `sessions` ADD `confirmed_at` integer;--> statement-breakpoint
ALTER TABLE `sessions` ADD `checked_at` integer;--> statement-breakpoint
ALTER TABLE `sessions` ADD `last_seen_at` integer;--> statement-breakpoint
CREATE INDEX `sessions_homeserver_id` ON `sessions` (`homeserver_id`);