CREATE TABLE `outbox` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`provider_id` text NOT NULL,
	`contact_address` text NOT NULL,
	`channel` text NOT NULL,
	`via` text NOT NULL,
	`replies` text NOT NULL,
	`sent` integer DEFAULT 0 NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`created_at` integer NOT NULL,
	`next_attempt_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `outbox_delivery` ON `outbox` (`provider_id`,`contact_address`);--> statement-breakpoint
CREATE INDEX `outbox_due` ON `outbox` (`next_attempt_at`);--> statement-breakpoint
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_processed_webhooks` (
	`provider_id` text NOT NULL,
	`contact_address` text NOT NULL,
	`reply` text NOT NULL,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`provider_id`, `contact_address`)
);
--> statement-breakpoint
INSERT INTO `__new_processed_webhooks`("provider_id", "contact_address", "reply", "created_at") SELECT "provider_id", "contact_address", "reply", "created_at" FROM `processed_webhooks`;--> statement-breakpoint
DROP TABLE `processed_webhooks`;--> statement-breakpoint
ALTER TABLE `__new_processed_webhooks` RENAME TO `processed_webhooks`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE INDEX `processed_webhooks_contact` ON `processed_webhooks` (`contact_address`);--> statement-breakpoint
CREATE INDEX `processed_webhooks_created` ON `processed_webhooks` (`created_at`);--> statement-breakpoint
ALTER TABLE `handoffs` ADD `departement` text;