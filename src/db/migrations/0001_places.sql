CREATE TABLE `places` (
	`id` text PRIMARY KEY NOT NULL,
	`source` text NOT NULL,
	`source_id` text NOT NULL,
	`name` text NOT NULL,
	`address` text NOT NULL,
	`postal_code` text NOT NULL,
	`commune` text NOT NULL,
	`insee_code` text,
	`departement` text,
	`latitude` real NOT NULL,
	`longitude` real NOT NULL,
	`phone` text,
	`email` text,
	`services` text NOT NULL,
	`hours_json` text,
	`appointment` integer,
	`format` text,
	`comment` text,
	`france_services` integer NOT NULL,
	`imported_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `places_source` ON `places` (`source`);