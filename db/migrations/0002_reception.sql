CREATE TABLE `case_documents` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`case_id` integer NOT NULL,
	`position` integer NOT NULL,
	`key` text NOT NULL,
	`title` text NOT NULL,
	`paragraph` text NOT NULL,
	`source` text NOT NULL,
	`agency_code` text,
	`state` text NOT NULL,
	`form` text,
	`sheets` integer,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `case_documents_uq` ON `case_documents` (`case_id`,`key`);--> statement-breakpoint
CREATE TABLE `cases` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`office_code` text NOT NULL,
	`journal_year` integer NOT NULL,
	`journal_seq` integer NOT NULL,
	`journal_number` text NOT NULL,
	`person_id` integer NOT NULL,
	`applicant` text NOT NULL,
	`representative` text,
	`subservice` text NOT NULL,
	`channel` text NOT NULL,
	`mfc_code` text,
	`lgota` text,
	`circumstances` text NOT NULL,
	`received_at` text NOT NULL,
	`registered_at` text NOT NULL,
	`registered_by` integer NOT NULL,
	`registered_by_name` text NOT NULL,
	`registered_by_position` text NOT NULL,
	`status` text NOT NULL,
	`annul_reason` text,
	`annulled_at` text,
	`annulled_by` integer,
	`due_registration` text,
	`due_requests` text,
	`due_decision` text NOT NULL,
	`due_result` text NOT NULL,
	`next_due` text,
	`next_due_kind` text,
	`portal_id` text,
	FOREIGN KEY (`person_id`) REFERENCES `persons`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`registered_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`annulled_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `cases_journal_uq` ON `cases` (`office_code`,`journal_year`,`journal_seq`);--> statement-breakpoint
CREATE INDEX `cases_number_idx` ON `cases` (`journal_year`,`journal_seq`);--> statement-breakpoint
CREATE INDEX `cases_person_idx` ON `cases` (`person_id`);--> statement-breakpoint
CREATE INDEX `cases_registered_idx` ON `cases` (`registered_at`);--> statement-breakpoint
CREATE INDEX `cases_next_due_idx` ON `cases` (`next_due`);--> statement-breakpoint
CREATE INDEX `cases_status_idx` ON `cases` (`status`,`journal_year`,`journal_seq`,`subservice`,`channel`,`registered_by`);--> statement-breakpoint
CREATE INDEX `cases_subservice_idx` ON `cases` (`subservice`,`journal_year`,`journal_seq`,`status`,`channel`,`registered_by`);--> statement-breakpoint
CREATE INDEX `cases_channel_idx` ON `cases` (`channel`,`journal_year`,`journal_seq`,`status`,`subservice`,`registered_by`);--> statement-breakpoint
CREATE INDEX `cases_registered_by_idx` ON `cases` (`registered_by`,`journal_year`,`journal_seq`,`status`,`subservice`,`channel`);--> statement-breakpoint
CREATE TABLE `drafts` (
	`user_id` integer NOT NULL,
	`kind` text NOT NULL,
	`data` text NOT NULL,
	`updated_at` text NOT NULL,
	PRIMARY KEY(`user_id`, `kind`),
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `journal_counters` (
	`office_code` text NOT NULL,
	`year` integer NOT NULL,
	`last_seq` integer NOT NULL,
	PRIMARY KEY(`office_code`, `year`)
);
--> statement-breakpoint
CREATE TABLE `persons` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`last_name` text NOT NULL,
	`first_name` text NOT NULL,
	`middle_name` text,
	`birth_date` text NOT NULL,
	`sex` text NOT NULL,
	`snils` text,
	`citizenship` text NOT NULL,
	`id_doc` text NOT NULL,
	`reg_address` text,
	`actual_address` text,
	`phone` text,
	`email` text,
	`search_name` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `persons_snils_idx` ON `persons` (`snils`);--> statement-breakpoint
CREATE INDEX `persons_name_birth_idx` ON `persons` (`search_name`,`birth_date`);--> statement-breakpoint
CREATE TABLE `print_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`case_id` integer,
	`form` text NOT NULL,
	`file_name` text NOT NULL,
	`at` text NOT NULL,
	`user_id` integer NOT NULL,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `print_log_case_idx` ON `print_log` (`case_id`);