ALTER TABLE `places` ADD `publics` text;--> statement-breakpoint
ALTER TABLE `places` ADD `free` integer;