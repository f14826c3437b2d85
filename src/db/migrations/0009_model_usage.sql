CREATE TABLE `model_usage` (
	`departement` text NOT NULL,
	`day` text NOT NULL,
	`requests` integer NOT NULL,
	PRIMARY KEY(`departement`, `day`)
);
