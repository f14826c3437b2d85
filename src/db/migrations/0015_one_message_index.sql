-- Outgoing rows written before 0013 name their turn's delivery too; only the inbound row may, now that one unique
-- index on (contact, delivery) holds every row (outgoing rows without a delivery, which a unique index takes any
-- number of). Cleared first, or the index could not be built.
UPDATE `messages` SET `provider_id` = NULL WHERE `direction` <> 'in' AND `provider_id` IS NOT NULL;--> statement-breakpoint
DROP INDEX `messages_contact`;--> statement-breakpoint
DROP INDEX `messages_delivery`;--> statement-breakpoint
CREATE UNIQUE INDEX `messages_contact_delivery` ON `messages` (`contact_address`,`provider_id`);
