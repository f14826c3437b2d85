CREATE TABLE `geocode_cache` (
	`query` text PRIMARY KEY NOT NULL,
	`result` text,
	`fetched_at` integer NOT NULL
);
