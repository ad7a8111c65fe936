CREATE TABLE `escalation_steps` (
	`alert_id` text NOT NULL,
	`kind` text NOT NULL,
	`room_id` text NOT NULL,
	`step` integer NOT NULL,
	`as` text NOT NULL,
	`recipients` text NOT NULL,
	`due_at` integer NOT NULL,
	`recorded_at` integer NOT NULL,
	`sent_at` integer,
	PRIMARY KEY(`alert_id`, `step`)
);
--> statement-breakpoint
CREATE INDEX `escalation_steps_room` ON `escalation_steps` (`room_id`);