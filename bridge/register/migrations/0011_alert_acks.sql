CREATE TABLE `alert_acks` (
	`event_id` text PRIMARY KEY NOT NULL,
	`alert_id` text NOT NULL,
	`room_id` text NOT NULL,
	`user_id` text NOT NULL,
	`at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `alert_acks_alert` ON `alert_acks` (`alert_id`);