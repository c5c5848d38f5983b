CREATE TABLE `badge_status_entries` (
	`account_id` text PRIMARY KEY NOT NULL,
	`seq` integer NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `badge_status_entries_seq_unique` ON `badge_status_entries` (`seq`);