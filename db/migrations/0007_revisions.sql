ALTER TABLE `calendar_years` ADD `rev` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE `calendar_years` ADD `updated_at` text;--> statement-breakpoint
ALTER TABLE `calendar_years` ADD `updated_by` integer REFERENCES users(id);--> statement-breakpoint
ALTER TABLE `case_acts` ADD `rev` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE `case_decisions` ADD `rev` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE `case_decisions` ADD `updated_at` text;--> statement-breakpoint
ALTER TABLE `case_decisions` ADD `updated_by` integer REFERENCES users(id);--> statement-breakpoint
ALTER TABLE `cases` ADD `rev` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE `cases` ADD `updated_at` text;--> statement-breakpoint
ALTER TABLE `cases` ADD `updated_by` integer REFERENCES users(id);--> statement-breakpoint
ALTER TABLE `interagency_requests` ADD `rev` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE `interagency_requests` ADD `updated_at` text;--> statement-breakpoint
ALTER TABLE `interagency_requests` ADD `updated_by` integer REFERENCES users(id);--> statement-breakpoint
ALTER TABLE `persons` ADD `rev` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE `persons` ADD `updated_by` integer REFERENCES users(id);--> statement-breakpoint
ALTER TABLE `providers` ADD `rev` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE `providers` ADD `updated_at` text;--> statement-breakpoint
ALTER TABLE `providers` ADD `updated_by` integer REFERENCES users(id);--> statement-breakpoint
ALTER TABLE `ref_items` ADD `rev` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE `ref_items` ADD `updated_at` text;--> statement-breakpoint
ALTER TABLE `ref_items` ADD `updated_by` integer REFERENCES users(id);--> statement-breakpoint
ALTER TABLE `services` ADD `rev` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE `services` ADD `updated_at` text;--> statement-breakpoint
ALTER TABLE `services` ADD `updated_by` integer REFERENCES users(id);--> statement-breakpoint
ALTER TABLE `users` ADD `rev` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE `users` ADD `updated_at` text;--> statement-breakpoint
ALTER TABLE `users` ADD `updated_by` integer REFERENCES users(id);