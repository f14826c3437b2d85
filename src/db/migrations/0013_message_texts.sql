CREATE TABLE `message_texts` (
	`id` integer PRIMARY KEY NOT NULL,
	`hash` integer NOT NULL,
	`body` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `message_texts_hash` ON `message_texts` (`hash`);--> statement-breakpoint
ALTER TABLE `messages` ADD `text_id` integer;--> statement-breakpoint
CREATE UNIQUE INDEX `messages_delivery` ON `messages` (`contact_address`,`provider_id`) WHERE direction = 'in';--> statement-breakpoint
CREATE INDEX `messages_text` ON `messages` (`text_id`) WHERE text_id is not null;