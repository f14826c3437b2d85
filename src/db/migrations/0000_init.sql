CREATE TABLE `callback_requests` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`contact_address` text NOT NULL,
	`channel` text NOT NULL,
	`step_id` text NOT NULL,
	`context` text NOT NULL,
	`status` text DEFAULT 'open' NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `contacts` (
	`address` text PRIMARY KEY NOT NULL,
	`created_at` integer NOT NULL,
	`last_seen_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `conversations` (
	`id` text PRIMARY KEY NOT NULL,
	`contact_address` text NOT NULL,
	`channel` text NOT NULL,
	`flow_id` text NOT NULL,
	`flow_hash` text NOT NULL,
	`snapshot` text NOT NULL,
	`version` integer NOT NULL,
	`last_turn_id` text NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `conversations_contact` ON `conversations` (`contact_address`);--> statement-breakpoint
CREATE INDEX `conversations_updated` ON `conversations` (`updated_at`);--> statement-breakpoint
CREATE TABLE `messages` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`conversation_id` text NOT NULL,
	`contact_address` text NOT NULL,
	`channel` text NOT NULL,
	`direction` text NOT NULL,
	`body` text NOT NULL,
	`segments` integer,
	`provider_id` text,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `messages_contact` ON `messages` (`contact_address`);--> statement-breakpoint
CREATE INDEX `messages_created` ON `messages` (`created_at`);--> statement-breakpoint
CREATE TABLE `opt_outs` (
	`address` text PRIMARY KEY NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `processed_webhooks` (
	`provider_id` text PRIMARY KEY NOT NULL,
	`contact_address` text NOT NULL,
	`reply` text NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `processed_webhooks_contact` ON `processed_webhooks` (`contact_address`);