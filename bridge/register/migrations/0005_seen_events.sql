CREATE TABLE `reconciliations` (
	`room_id` text PRIMARY KEY NOT NULL,
	`checked_at` integer NOT NULL,
	`complete` integer NOT NULL,
	`missing` integer NOT NULL,
	`last_complete_at` integer
);
--> statement-breakpoint
CREATE TABLE `seen_events` (
	`seq` integer PRIMARY KEY NOT NULL,
	`room_id` text NOT NULL,
	`event_id` text NOT NULL,
	`origin_server_ts` integer NOT NULL,
	`kind` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `seen_events_event_id` ON `seen_events` (`event_id`);--> statement-breakpoint
CREATE INDEX `seen_events_room` ON `seen_events` (`room_id`,`seq`);--> statement-breakpoint
CREATE TABLE `seen_since` (
	`id` integer PRIMARY KEY NOT NULL,
	`at` integer NOT NULL
);
--> statement-breakpoint
INSERT INTO `seen_since` (`id`, `at`) SELECT 1, CAST(strftime('%s', 'now') AS INTEGER) * 1000 WHERE EXISTS (SELECT 1 FROM `checkpoint`);--> statement-breakpoint
INSERT INTO `seen_events` (`room_id`, `event_id`, `origin_server_ts`, `kind`) SELECT `room_id`, `event_id`, `origin_server_ts`, 'case' FROM `event_log` ORDER BY `seq`;--> statement-breakpoint
INSERT OR IGNORE INTO `seen_events` (`room_id`, `event_id`, `origin_server_ts`, `kind`) SELECT `room_id`, `event_id`, `origin_server_ts`, 'undecryptable' FROM `undecryptable` ORDER BY `origin_server_ts`, `event_id`;
