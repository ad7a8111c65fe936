CREATE TABLE `alert_preferences` (
	`user_id` text PRIMARY KEY NOT NULL,
	`version` integer NOT NULL,
	`email` text,
	`off` text NOT NULL,
	`event_id` text NOT NULL,
	`sent_at` integer NOT NULL
);
