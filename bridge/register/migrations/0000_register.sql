CREATE TABLE `amendments` (
	`room_id` text NOT NULL,
	`position` integer NOT NULL,
	`event_id` text NOT NULL,
	`changes` text NOT NULL,
	`previous` text NOT NULL,
	`reason` text NOT NULL,
	`by` text NOT NULL,
	`side` text NOT NULL,
	`at` integer NOT NULL,
	PRIMARY KEY(`room_id`, `position`)
);
--> statement-breakpoint
CREATE TABLE `cases` (
	`room_id` text PRIMARY KEY NOT NULL,
	`opened` integer NOT NULL,
	`kind` text,
	`workflow` text,
	`requesting` text,
	`requested` text,
	`requesting_reference` text,
	`requested_reference` text,
	`title` text,
	`status` text,
	`terminal` integer,
	`urgency` text,
	`channel` text,
	`respond_by` text,
	`fields` text,
	`opened_by` text,
	`opened_event` text,
	`opened_at` integer,
	`last_change_at` integer,
	`head` text,
	`notes` integer,
	`open_conflict` integer,
	`rejected_count` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `checkpoint` (
	`id` integer PRIMARY KEY NOT NULL,
	`sync_token` text NOT NULL,
	`store` blob NOT NULL,
	`log_seq` integer NOT NULL,
	`log_hash` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `event_log` (
	`seq` integer PRIMARY KEY NOT NULL,
	`room_id` text NOT NULL,
	`event_id` text NOT NULL,
	`sender` text NOT NULL,
	`origin_server_ts` integer NOT NULL,
	`kind` text NOT NULL,
	`rejection_code` text,
	`rejection_reason` text,
	`content` text NOT NULL,
	`prev_hash` text NOT NULL,
	`hash` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `event_log_event_id` ON `event_log` (`event_id`);--> statement-breakpoint
CREATE INDEX `event_log_room` ON `event_log` (`room_id`,`seq`);--> statement-breakpoint
CREATE TABLE `invitations` (
	`seq` integer PRIMARY KEY NOT NULL,
	`room_id` text NOT NULL,
	`inviter` text NOT NULL,
	`decision` text NOT NULL,
	`reason` text NOT NULL,
	`at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `invitations_once` ON `invitations` (`room_id`,`inviter`,`at`);--> statement-breakpoint
CREATE TABLE `links` (
	`room_id` text NOT NULL,
	`position` integer NOT NULL,
	`event_id` text NOT NULL,
	`relation` text NOT NULL,
	`end` text,
	`target` text NOT NULL,
	`by` text NOT NULL,
	`side` text NOT NULL,
	`at` integer NOT NULL,
	PRIMARY KEY(`room_id`, `position`)
);
--> statement-breakpoint
CREATE TABLE `parties` (
	`room_id` text NOT NULL,
	`side` text NOT NULL,
	`authority` text NOT NULL,
	`country` text,
	`reference` text,
	PRIMARY KEY(`room_id`, `side`)
);
--> statement-breakpoint
CREATE INDEX `parties_authority` ON `parties` (`authority`);--> statement-breakpoint
CREATE TABLE `rejections` (
	`room_id` text NOT NULL,
	`position` integer NOT NULL,
	`event_id` text NOT NULL,
	`sender` text NOT NULL,
	`at` integer NOT NULL,
	`code` text NOT NULL,
	`reason` text NOT NULL,
	PRIMARY KEY(`room_id`, `position`)
);
--> statement-breakpoint
CREATE TABLE `transitions` (
	`room_id` text NOT NULL,
	`position` integer NOT NULL,
	`event_id` text NOT NULL,
	`follows` text NOT NULL,
	`from_status` text NOT NULL,
	`to_status` text NOT NULL,
	`reason` text,
	`by` text NOT NULL,
	`side` text NOT NULL,
	`at` integer NOT NULL,
	PRIMARY KEY(`room_id`, `position`)
);
