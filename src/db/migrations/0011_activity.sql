CREATE TABLE `activity_daily` (
	`departement` text NOT NULL,
	`day` integer NOT NULL,
	`kind` integer NOT NULL,
	`code` text NOT NULL,
	`detail` text NOT NULL,
	`channel` integer NOT NULL,
	`commune` text NOT NULL,
	`n` integer NOT NULL,
	`total` integer NOT NULL,
	PRIMARY KEY(`departement`, `day`, `kind`, `code`, `detail`, `channel`, `commune`)
);
--> statement-breakpoint
CREATE TABLE `activity_facts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`day` integer NOT NULL,
	`kind` integer NOT NULL,
	`code` text NOT NULL,
	`detail` text,
	`value` integer,
	`channel` integer,
	`departement` text,
	`commune` text,
	`epci` text,
	`initiator` integer,
	`age_band` text,
	`situation` text,
	`backfilled` integer DEFAULT 0 NOT NULL
);
