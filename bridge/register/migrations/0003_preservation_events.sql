CREATE TABLE `preservation_events` (
	`event_id` text PRIMARY KEY NOT NULL,
	`room_id` text NOT NULL,
	`sender` text NOT NULL,
	`origin_server_ts` integer NOT NULL,
	`content` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `preservation_events_room` ON `preservation_events` (`room_id`);