CREATE TABLE `undecryptable` (
	`event_id` text PRIMARY KEY NOT NULL,
	`room_id` text NOT NULL,
	`sender` text NOT NULL,
	`origin_server_ts` integer NOT NULL,
	`reason` text NOT NULL
);
