CREATE TABLE `exchange_inbox` (
	`id` text PRIMARY KEY NOT NULL,
	`portal_seq` integer,
	`type` text NOT NULL,
	`payload` text,
	`received_at` text NOT NULL,
	`status` text NOT NULL,
	`error` text,
	`applied_at` text,
	`via` text DEFAULT 'http' NOT NULL
);
--> statement-breakpoint
CREATE INDEX `exchange_inbox_status_idx` ON `exchange_inbox` (`status`);--> statement-breakpoint
CREATE TABLE `exchange_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`started_at` text NOT NULL,
	`finished_at` text,
	`pushed` integer DEFAULT 0 NOT NULL,
	`pulled` integer DEFAULT 0 NOT NULL,
	`quarantined` integer DEFAULT 0 NOT NULL,
	`outcome` text NOT NULL,
	`error` text
);
--> statement-breakpoint
CREATE INDEX `exchange_log_started_idx` ON `exchange_log` (`started_at`);--> statement-breakpoint
CREATE TABLE `exchange_outbox` (
	`seq` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`id` text NOT NULL,
	`type` text NOT NULL,
	`schema_version` integer NOT NULL,
	`payload` text NOT NULL,
	`created_at` text NOT NULL,
	`acked_at` text,
	`attempts` integer DEFAULT 0 NOT NULL,
	`last_error` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `exchange_outbox_id_unique` ON `exchange_outbox` (`id`);--> statement-breakpoint
CREATE INDEX `exchange_outbox_pending_idx` ON `exchange_outbox` (`acked_at`,`seq`);--> statement-breakpoint
CREATE TABLE `exchange_state` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `portal_applications` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`portal_id` text NOT NULL,
	`event_id` text NOT NULL,
	`channel` text NOT NULL,
	`applicant_name` text NOT NULL,
	`payload` text NOT NULL,
	`received_at` text NOT NULL,
	`due_registration` text NOT NULL,
	`case_id` integer,
	`registered_at` text,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `portal_applications_portal_id_unique` ON `portal_applications` (`portal_id`);--> statement-breakpoint
CREATE INDEX `portal_applications_open_idx` ON `portal_applications` (`case_id`,`due_registration`);--> statement-breakpoint
CREATE TABLE `portal_contracts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`event_id` text NOT NULL,
	`case_id` integer,
	`ippsu_number` text NOT NULL,
	`contract_number` text,
	`provider` text NOT NULL,
	`status` text NOT NULL,
	`date` text NOT NULL,
	`term_from` text,
	`term_until` text,
	`received_at` text NOT NULL,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `portal_contracts_case_idx` ON `portal_contracts` (`case_id`);--> statement-breakpoint
CREATE INDEX `portal_contracts_ippsu_idx` ON `portal_contracts` (`ippsu_number`);--> statement-breakpoint
CREATE TABLE `portal_deliveries` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`event_id` text NOT NULL,
	`case_id` integer,
	`ippsu_number` text NOT NULL,
	`contract_number` text,
	`service_code` text,
	`service_name` text NOT NULL,
	`quantity` real NOT NULL,
	`unit` text,
	`period_from` text NOT NULL,
	`period_until` text NOT NULL,
	`act_signed` integer DEFAULT false NOT NULL,
	`act_signed_at` text,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `portal_deliveries_case_idx` ON `portal_deliveries` (`case_id`);--> statement-breakpoint
CREATE INDEX `portal_deliveries_ippsu_idx` ON `portal_deliveries` (`ippsu_number`,`period_from`);