CREATE TABLE `case_acts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`case_id` integer NOT NULL,
	`kind` text NOT NULL,
	`variant` text,
	`data` text NOT NULL,
	`barthel` text,
	`lawton` text,
	`complete` integer NOT NULL,
	`updated_at` text NOT NULL,
	`updated_by` integer NOT NULL,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`updated_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `case_acts_uq` ON `case_acts` (`case_id`,`kind`);--> statement-breakpoint
CREATE TABLE `case_decisions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`case_id` integer NOT NULL,
	`version` integer NOT NULL,
	`kind` text NOT NULL,
	`data` text NOT NULL,
	`status` text NOT NULL,
	`created_at` text NOT NULL,
	`created_by` integer NOT NULL,
	`outgoing_number` text,
	`signed_at` text,
	`signed_by` integer,
	`signed_by_name` text,
	`signed_by_position` text,
	`docx` blob,
	`sha256` text,
	`issued_date` text,
	`issue_method` text,
	`issued_to` text,
	`postal_address` text,
	`postal_id` text,
	`issued_by` integer,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`signed_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`issued_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `case_decisions_uq` ON `case_decisions` (`case_id`,`version`);--> statement-breakpoint
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
CREATE TABLE `case_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`case_id` integer NOT NULL,
	`at` text NOT NULL,
	`user_id` integer,
	`user_name` text,
	`from_status` text,
	`to_status` text NOT NULL,
	`note` text,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `case_events_case_idx` ON `case_events` (`case_id`);--> statement-breakpoint
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
	`due_issue` text,
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
CREATE TABLE `interagency_requests` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`case_id` integer NOT NULL,
	`agency_code` text NOT NULL,
	`document_keys` text NOT NULL,
	`subject` text NOT NULL,
	`channel` text NOT NULL,
	`outgoing_number` text NOT NULL,
	`sent_date` text NOT NULL,
	`due_date` text NOT NULL,
	`sent_by` integer NOT NULL,
	`answer_date` text,
	`answer_incoming_number` text,
	`answer_summary` text,
	`answered_by` integer,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`sent_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`answered_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `requests_case_idx` ON `interagency_requests` (`case_id`);--> statement-breakpoint
CREATE INDEX `requests_due_idx` ON `interagency_requests` (`answer_date`,`due_date`);--> statement-breakpoint
CREATE TABLE `journal_counters` (
	`office_code` text NOT NULL,
	`register` text NOT NULL,
	`year` integer NOT NULL,
	`last_seq` integer NOT NULL,
	PRIMARY KEY(`office_code`, `register`, `year`)
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
CREATE INDEX `print_log_case_idx` ON `print_log` (`case_id`);--> statement-breakpoint
CREATE TABLE `providers` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`address` text NOT NULL,
	`phone` text,
	`email` text,
	`forms` text NOT NULL,
	`service_codes` text NOT NULL,
	`active` integer DEFAULT true NOT NULL
);
--> statement-breakpoint
CREATE TABLE `services` (
	`code` text PRIMARY KEY NOT NULL,
	`type` integer NOT NULL,
	`name` text NOT NULL,
	`unit` text NOT NULL,
	`urgent` integer DEFAULT false NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`locally_modified` integer DEFAULT false NOT NULL,
	`seed_hash` text
);
