CREATE TABLE `case_assignments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`case_id` integer NOT NULL,
	`at` text NOT NULL,
	`case_status` text NOT NULL,
	`assigned_by` integer,
	`assigned_by_name` text,
	`responsible_id` integer,
	`responsible_name` text,
	`previous_id` integer,
	`previous_name` text,
	`note` text,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`assigned_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`responsible_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`previous_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `case_assignments_case_idx` ON `case_assignments` (`case_id`);--> statement-breakpoint
CREATE TABLE `circumstance_changes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`person_id` integer NOT NULL,
	`date` text NOT NULL,
	`kind` text NOT NULL,
	`note` text,
	`recorded_at` text NOT NULL,
	`recorded_by` integer NOT NULL,
	`recorded_by_name` text NOT NULL,
	FOREIGN KEY (`person_id`) REFERENCES `persons`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`recorded_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `circumstance_changes_person_idx` ON `circumstance_changes` (`person_id`);--> statement-breakpoint
CREATE TABLE `complaints` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`office_code` text NOT NULL,
	`year` integer NOT NULL,
	`seq` integer NOT NULL,
	`number` text NOT NULL,
	`received_date` text NOT NULL,
	`registered_at` text NOT NULL,
	`registered_by` integer NOT NULL,
	`registered_by_name` text NOT NULL,
	`channel` text NOT NULL,
	`addressee` text NOT NULL,
	`subject_official` text NOT NULL,
	`subject_decision` text NOT NULL,
	`subjects` text NOT NULL,
	`applicant` text NOT NULL,
	`representative` text,
	`substance` text NOT NULL,
	`attachments` text NOT NULL,
	`answer_by_email` integer DEFAULT false NOT NULL,
	`case_id` integer,
	`responsible_id` integer,
	`competent` integer DEFAULT true NOT NULL,
	`status` text NOT NULL,
	`applied_terms` text NOT NULL,
	`due_registration` text NOT NULL,
	`due_decision` text,
	`due_forwarding` text,
	`due_remedy` text,
	`due_answer` text,
	`next_due` text,
	`next_due_kind` text,
	`forwarded_to` text,
	`forwarded_date` text,
	`decision_date` text,
	`decision_number` text,
	`decision_place` text,
	`deciding_body` text,
	`decided_by` integer,
	`decided_by_name` text,
	`decided_by_position` text,
	`outcome` text,
	`outcome_ground` text,
	`decision_reasons` text,
	`measures` text,
	`remedy_done_date` text,
	`answer_date` text,
	`answer_method` text,
	`answer_number` text,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`registered_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`responsible_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`decided_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `complaints_number_uq` ON `complaints` (`office_code`,`year`,`seq`);--> statement-breakpoint
CREATE INDEX `complaints_next_due_idx` ON `complaints` (`next_due`);--> statement-breakpoint
CREATE INDEX `complaints_case_idx` ON `complaints` (`case_id`);--> statement-breakpoint
CREATE INDEX `complaints_status_idx` ON `complaints` (`status`);--> statement-breakpoint
CREATE TABLE `deadline_terms` (
	`code` text NOT NULL,
	`effective_from` text NOT NULL,
	`days` integer NOT NULL,
	`paragraph` text NOT NULL,
	`title` text NOT NULL,
	`basis` text NOT NULL,
	`locally_modified` integer DEFAULT false NOT NULL,
	`seed_hash` text,
	PRIMARY KEY(`code`, `effective_from`)
);
--> statement-breakpoint
CREATE TABLE `notifications` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` integer NOT NULL,
	`at` text NOT NULL,
	`kind` text NOT NULL,
	`case_id` integer,
	`complaint_id` integer,
	`text` text NOT NULL,
	`read_at` text,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`complaint_id`) REFERENCES `complaints`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `notifications_user_idx` ON `notifications` (`user_id`,`read_at`,`id`);--> statement-breakpoint
DROP INDEX `cases_registered_idx`;--> statement-breakpoint
ALTER TABLE `cases` ADD `responsible_id` integer REFERENCES users(id);--> statement-breakpoint
ALTER TABLE `cases` ADD `responsible_name` text;--> statement-breakpoint
ALTER TABLE `cases` ADD `applied_terms` text;--> statement-breakpoint
ALTER TABLE `cases` ADD `review_of_decision_id` integer REFERENCES case_decisions(id);--> statement-breakpoint
CREATE INDEX `cases_open_idx` ON `cases` (`status`,`responsible_id`,`next_due`,`next_due_kind`);--> statement-breakpoint
CREATE INDEX `cases_responsible_journal_idx` ON `cases` (`responsible_id`,`journal_year`,`journal_seq`);--> statement-breakpoint
CREATE INDEX `cases_registered_stats_idx` ON `cases` (`registered_at`,`subservice`,`channel`,`status`,`responsible_id`,`received_at`,`due_registration`,`due_result`);--> statement-breakpoint
CREATE INDEX `case_decisions_term_idx` ON `case_decisions` (json_extract(`data`, '$.termUntil'));--> statement-breakpoint
CREATE INDEX `case_decisions_stats_idx` ON `case_decisions` (`case_id`,`status`,`kind`,`signed_at`,`issued_date`);--> statement-breakpoint
UPDATE `cases` SET `applied_terms` = '{"registration":1,"requests":1,"decision":10,"result":15,"issue":5,"interagencyAnswer":5}' WHERE `applied_terms` IS NULL;
