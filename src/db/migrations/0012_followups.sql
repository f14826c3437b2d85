CREATE TABLE `followup_answers` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`scheduled_id` integer,
	`kind` text NOT NULL,
	`subject` text NOT NULL,
	`question` text NOT NULL,
	`answer` integer NOT NULL,
	`departement` text,
	`answered_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `followup_answers_departement` ON `followup_answers` (`departement`,`answered_at`);--> statement-breakpoint
CREATE UNIQUE INDEX `followup_answers_once` ON `followup_answers` (`scheduled_id`,`question`);--> statement-breakpoint
CREATE TABLE `scheduled_messages` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`idempotency_key` text NOT NULL,
	`kind` text NOT NULL,
	`contact_address` text NOT NULL,
	`channel` text NOT NULL,
	`via` text,
	`departement` text,
	`due_at` integer NOT NULL,
	`expires_at` integer,
	`payload` text NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`lease_owner` text,
	`lease_expires_at` integer,
	`last_error` text,
	`created_at` integer NOT NULL,
	`sent_at` integer,
	`answered_at` integer,
	CONSTRAINT "scheduled_messages_attempts" CHECK("scheduled_messages"."attempts" >= 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `scheduled_messages_key` ON `scheduled_messages` (`idempotency_key`);--> statement-breakpoint
CREATE INDEX `scheduled_messages_due` ON `scheduled_messages` (`status`,`due_at`);--> statement-breakpoint
CREATE INDEX `scheduled_messages_contact` ON `scheduled_messages` (`contact_address`);--> statement-breakpoint
CREATE INDEX `scheduled_messages_departement` ON `scheduled_messages` (`departement`,`due_at`);