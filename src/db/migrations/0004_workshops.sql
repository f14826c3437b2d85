CREATE TABLE `bookings` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`session_id` text NOT NULL,
	`contact_address` text NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `bookings_session_contact` ON `bookings` (`session_id`,`contact_address`);--> statement-breakpoint
CREATE TABLE `workshop_sessions` (
	`id` text PRIMARY KEY NOT NULL,
	`source` text NOT NULL,
	`title` text NOT NULL,
	`themes` text NOT NULL,
	`place_name` text NOT NULL,
	`address` text NOT NULL,
	`postal_code` text NOT NULL,
	`commune` text NOT NULL,
	`latitude` real NOT NULL,
	`longitude` real NOT NULL,
	`starts_at` integer NOT NULL,
	`ends_at` integer NOT NULL,
	`seats` integer,
	`seats_taken` integer DEFAULT 0 NOT NULL,
	`price` text NOT NULL,
	`audience` text,
	`organiser` text,
	`contact` text,
	`demo` integer NOT NULL,
	`imported_at` integer NOT NULL,
	CONSTRAINT "seats_not_overbooked" CHECK("workshop_sessions"."seats" is null or "workshop_sessions"."seats_taken" <= "workshop_sessions"."seats")
);
--> statement-breakpoint
CREATE INDEX `workshop_sessions_starts` ON `workshop_sessions` (`starts_at`);