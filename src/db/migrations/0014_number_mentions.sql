CREATE TABLE `number_mentions` (
	`address` text NOT NULL,
	`contact_address` text NOT NULL,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`address`, `contact_address`)
);
--> statement-breakpoint
CREATE INDEX `number_mentions_contact` ON `number_mentions` (`contact_address`);--> statement-breakpoint
CREATE INDEX `number_mentions_created` ON `number_mentions` (`created_at`);--> statement-breakpoint
DROP INDEX `outbox_delivery`;--> statement-breakpoint
CREATE INDEX `outbox_contact_delivery` ON `outbox` (`contact_address`,`provider_id`);--> statement-breakpoint
CREATE INDEX `bookings_contact` ON `bookings` (`contact_address`);--> statement-breakpoint
CREATE INDEX `callback_requests_contact` ON `callback_requests` (`contact_address`);--> statement-breakpoint
-- The contacts that wrote eight digits or more before mentions were recorded (their messages, or a platform's
-- hand-off about them): SUPPRIMER of any number looks at their data, until the retention purge ages them out.
INSERT OR IGNORE INTO `number_mentions` (`address`, `contact_address`, `created_at`)
SELECT '*', `contact_address`, max(`created_at`) FROM `messages`
WHERE `direction` = 'in' AND `body` GLOB '*[0-9]*[0-9]*[0-9]*[0-9]*[0-9]*[0-9]*[0-9]*[0-9]*' GROUP BY `contact_address`;--> statement-breakpoint
INSERT OR IGNORE INTO `number_mentions` (`address`, `contact_address`, `created_at`)
SELECT '*', `caller_address`, max(`created_at`) FROM `handoffs`
WHERE `context` GLOB '*[0-9]*[0-9]*[0-9]*[0-9]*[0-9]*[0-9]*[0-9]*[0-9]*' GROUP BY `caller_address`;
