CREATE TABLE `orientation_access_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`orientation_id` text NOT NULL,
	`departement` text NOT NULL,
	`user_id` text NOT NULL,
	`user_email` text NOT NULL,
	`at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `orientation_access_orientation` ON `orientation_access_log` (`orientation_id`,`at`);--> statement-breakpoint
CREATE INDEX `orientation_access_departement` ON `orientation_access_log` (`departement`,`at`);--> statement-breakpoint
CREATE TABLE `orientation_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`orientation_id` text NOT NULL,
	`from_status` text,
	`to_status` text NOT NULL,
	`at` integer NOT NULL,
	`author` text NOT NULL,
	`detail` text
);
--> statement-breakpoint
CREATE INDEX `orientation_events_orientation` ON `orientation_events` (`orientation_id`,`at`);--> statement-breakpoint
CREATE TABLE `orientation_tokens` (
	`id` text PRIMARY KEY NOT NULL,
	`orientation_id` text NOT NULL,
	`kind` text NOT NULL,
	`token_hash` text NOT NULL,
	`created_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	`used_at` integer
);
--> statement-breakpoint
CREATE UNIQUE INDEX `orientation_tokens_hash` ON `orientation_tokens` (`token_hash`);--> statement-breakpoint
CREATE INDEX `orientation_tokens_orientation` ON `orientation_tokens` (`orientation_id`);--> statement-breakpoint
CREATE TABLE `orientations` (
	`id` text PRIMARY KEY NOT NULL,
	`departement` text NOT NULL,
	`status` text NOT NULL,
	`need` text,
	`procedure_id` text,
	`procedure_title` text,
	`constraints` text DEFAULT '[]' NOT NULL,
	`commune` text,
	`place_id` text NOT NULL,
	`place_name` text NOT NULL,
	`place_address` text NOT NULL,
	`place_phone` text,
	`place_hours` text,
	`place_structure_id` text,
	`sender_kind` text NOT NULL,
	`sender_user_id` text,
	`sender_structure_id` text,
	`sender_label` text NOT NULL,
	`sender_address` text,
	`consent_by` text NOT NULL,
	`consent_at` integer NOT NULL,
	`consent_how` text NOT NULL,
	`person_contact` text,
	`appointment` text,
	`refusal_reason` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`closed_at` integer,
	`anonymised_at` integer,
	CONSTRAINT "orientations_status" CHECK("orientations"."status" in ('envoyée', 'acceptée', 'refusée', 'honorée', 'non honorée', 'clôturée'))
);
--> statement-breakpoint
CREATE INDEX `orientations_departement` ON `orientations` (`departement`,`created_at`);--> statement-breakpoint
CREATE INDEX `orientations_sender` ON `orientations` (`sender_user_id`);--> statement-breakpoint
CREATE INDEX `orientations_person` ON `orientations` (`person_contact`);--> statement-breakpoint
CREATE INDEX `orientations_sender_address` ON `orientations` (`sender_address`);--> statement-breakpoint
CREATE TABLE `structures` (
	`id` text PRIMARY KEY NOT NULL,
	`departement` text NOT NULL,
	`name` text NOT NULL,
	`type` text NOT NULL,
	`place_id` text,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `structures_departement` ON `structures` (`departement`);--> statement-breakpoint
CREATE INDEX `structures_place` ON `structures` (`place_id`);--> statement-breakpoint
ALTER TABLE `invitations` ADD `structure_id` text;--> statement-breakpoint
ALTER TABLE `invitations` ADD `phone` text;--> statement-breakpoint
ALTER TABLE `users` ADD `structure_id` text;--> statement-breakpoint
ALTER TABLE `users` ADD `phone` text;--> statement-breakpoint
CREATE INDEX `users_phone` ON `users` (`phone`);