CREATE TABLE `calendar_days` (
	`date` text PRIMARY KEY NOT NULL,
	`year` integer NOT NULL,
	`kind` text NOT NULL,
	`note` text,
	FOREIGN KEY (`year`) REFERENCES `calendar_years`(`year`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `calendar_days_year_idx` ON `calendar_days` (`year`);--> statement-breakpoint
CREATE TABLE `calendar_years` (
	`year` integer PRIMARY KEY NOT NULL,
	`source` text NOT NULL,
	`confirmed` integer NOT NULL,
	`locally_modified` integer DEFAULT false NOT NULL,
	`seed_hash` text
);
--> statement-breakpoint
CREATE TABLE `ref_items` (
	`kind` text NOT NULL,
	`code` text NOT NULL,
	`number` integer,
	`name` text NOT NULL,
	`short_name` text,
	`address` text,
	`phone` text,
	`email` text,
	`details` text NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`locally_modified` integer DEFAULT false NOT NULL,
	`seed_hash` text,
	PRIMARY KEY(`kind`, `code`)
);
