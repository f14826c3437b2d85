CREATE TABLE `calls` (
	`call_sid` text PRIMARY KEY NOT NULL,
	`contact_address` text NOT NULL,
	`called_number` text NOT NULL,
	`departement` text,
	`context_source` text,
	`transfer_status` text,
	`status` text,
	`duration_seconds` integer,
	`started_at` integer NOT NULL,
	`ended_at` integer
);
--> statement-breakpoint
CREATE INDEX `calls_contact` ON `calls` (`contact_address`);--> statement-breakpoint
CREATE INDEX `calls_started` ON `calls` (`started_at`);--> statement-breakpoint
CREATE TABLE `handoffs` (
	`id` text PRIMARY KEY NOT NULL,
	`caller_address` text NOT NULL,
	`context` text NOT NULL,
	`created_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	`used_at` integer,
	`used_by_call` text
);
--> statement-breakpoint
CREATE INDEX `handoffs_caller` ON `handoffs` (`caller_address`,`expires_at`);