CREATE TABLE `digest_mails` (
	`recipient` text NOT NULL,
	`recorded_at` integer NOT NULL,
	`new_requests` integer NOT NULL,
	`message_id` text NOT NULL,
	`sent_at` integer,
	PRIMARY KEY(`recipient`, `recorded_at`)
);
