CREATE TABLE `registry_version` (
	`id` integer PRIMARY KEY NOT NULL,
	`version` integer NOT NULL
);
--> statement-breakpoint
-- Existing databases start from 1 (their data predates the counter); readers only compare for equality.
INSERT INTO `registry_version` (`id`, `version`) VALUES (1, 1);
