-- Hand-written in place of drizzle-kit's output (the snapshot is drizzle-kit's). drizzle-kit rebuilds each of
-- these 24 tables to add its CHECK constraints (new table, copy, drop, rename, indexes again): on the benchmark's
-- 200,000-case register (1.5 GB) that took 55-85 s of a blocked start. SQLite 3.53 adds a CHECK in place instead:
-- ALTER TABLE ADD CONSTRAINT reads the rows already there (a row outside its list stops the upgrade, rolled back
-- whole) and writes only the schema. The tables end up as a rebuild would leave them.
--> statement-breakpoint
ALTER TABLE `calendar_days` ADD CONSTRAINT "calendar_days_kind_check" CHECK("kind" in ('holiday', 'dayoff', 'workday'));
--> statement-breakpoint
ALTER TABLE `case_acts` ADD CONSTRAINT "case_acts_kind_check" CHECK("kind" in ('appendix3', 'appendix4'));
--> statement-breakpoint
ALTER TABLE `case_acts` ADD CONSTRAINT "case_acts_variant_check" CHECK("variant" is null or "variant" in ('citizen', 'family'));
--> statement-breakpoint
ALTER TABLE `case_decisions` ADD CONSTRAINT "case_decisions_kind_check" CHECK("kind" in ('ippsu', 'refusal'));
--> statement-breakpoint
ALTER TABLE `case_decisions` ADD CONSTRAINT "case_decisions_status_check" CHECK("status" in ('draft', 'signed', 'superseded'));
--> statement-breakpoint
ALTER TABLE `case_decisions` ADD CONSTRAINT "case_decisions_issue_method_check" CHECK("issue_method" is null or "issue_method" in ('in_person', 'post'));
--> statement-breakpoint
ALTER TABLE `case_decisions` ADD CONSTRAINT "case_decisions_issued_to_check" CHECK("issued_to" is null or "issued_to" in ('applicant', 'representative'));
--> statement-breakpoint
ALTER TABLE `case_documents` ADD CONSTRAINT "case_documents_source_check" CHECK("source" in ('applicant', 'interagency'));
--> statement-breakpoint
ALTER TABLE `case_documents` ADD CONSTRAINT "case_documents_state_check" CHECK("state" in ('received', 'not_provided', 'to_request'));
--> statement-breakpoint
ALTER TABLE `case_documents` ADD CONSTRAINT "case_documents_form_check" CHECK("form" is null or "form" in ('original', 'copy'));
--> statement-breakpoint
ALTER TABLE `case_events` ADD CONSTRAINT "case_events_from_status_check" CHECK("from_status" is null or "from_status" in ('registered', 'requests_sent', 'documents_complete', 'decision_drafted', 'awaiting_signature', 'returned', 'signed', 'issued', 'withdrawn', 'annulled'));
--> statement-breakpoint
ALTER TABLE `case_events` ADD CONSTRAINT "case_events_to_status_check" CHECK("to_status" in ('registered', 'requests_sent', 'documents_complete', 'decision_drafted', 'awaiting_signature', 'returned', 'signed', 'issued', 'withdrawn', 'annulled'));
--> statement-breakpoint
ALTER TABLE `cases` ADD CONSTRAINT "cases_subservice_check" CHECK("subservice" in ('home', 'semi-stationary', 'stationary', 'special-housing', 'minors-semi-stationary'));
--> statement-breakpoint
ALTER TABLE `cases` ADD CONSTRAINT "cases_channel_check" CHECK("channel" in ('in_person', 'mail', 'epgu', 'regional_portal', 'mfc'));
--> statement-breakpoint
ALTER TABLE `cases` ADD CONSTRAINT "cases_lgota_check" CHECK("lgota" is null or "lgota" in ('minors', 'wwii-invalids-veterans', 'combat-invalids', 'wwii-combat-families', 'former-minor-prisoners', 'emergency-victims'));
--> statement-breakpoint
ALTER TABLE `cases` ADD CONSTRAINT "cases_status_check" CHECK("status" in ('registered', 'requests_sent', 'documents_complete', 'decision_drafted', 'awaiting_signature', 'returned', 'signed', 'issued', 'withdrawn', 'annulled'));
--> statement-breakpoint
ALTER TABLE `cases` ADD CONSTRAINT "cases_next_due_kind_check" CHECK("next_due_kind" is null or "next_due_kind" in ('registration', 'requests', 'decision', 'result', 'issue'));
--> statement-breakpoint
ALTER TABLE `drafts` ADD CONSTRAINT "drafts_kind_check" CHECK("kind" in ('intake'));
--> statement-breakpoint
ALTER TABLE `interagency_requests` ADD CONSTRAINT "interagency_requests_channel_check" CHECK("channel" in ('smev', 'paper', 'fax'));
--> statement-breakpoint
ALTER TABLE `journal_counters` ADD CONSTRAINT "journal_counters_register_check" CHECK("register" in ('application', 'outgoing', 'complaint'));
--> statement-breakpoint
ALTER TABLE `persons` ADD CONSTRAINT "persons_sex_check" CHECK("sex" in ('male', 'female'));
--> statement-breakpoint
ALTER TABLE `persons` ADD CONSTRAINT "persons_citizenship_check" CHECK("citizenship" in ('rf', 'foreign', 'stateless', 'refugee'));
--> statement-breakpoint
ALTER TABLE `providers` ADD CONSTRAINT "providers_forms_check" CHECK(json_valid("forms") and json_type("forms") = 'array' and replace(replace(replace(replace(replace("forms", ' ', ''), '"home"', ''), '"semi-stationary"', ''), '"stationary"', ''), ',', '') = '[]');
--> statement-breakpoint
ALTER TABLE `ref_items` ADD CONSTRAINT "ref_items_kind_check" CHECK("kind" in ('office', 'mfc', 'agency', 'subservice'));
--> statement-breakpoint
ALTER TABLE `services` ADD CONSTRAINT "services_type_check" CHECK("type" in (0, 1, 2, 3, 4, 5, 6, 7));
--> statement-breakpoint
ALTER TABLE `users` ADD CONSTRAINT "users_roles_check" CHECK(json_valid("roles") and json_type("roles") = 'array' and replace(replace(replace(replace(replace(replace(replace("roles", ' ', ''), '"reception"', ''), '"specialist"', ''), '"head"', ''), '"admin"', ''), '"exchange"', ''), ',', '') = '[]');
--> statement-breakpoint
ALTER TABLE `exchange_inbox` ADD CONSTRAINT "exchange_inbox_status_check" CHECK("status" in ('applied', 'quarantined'));
--> statement-breakpoint
ALTER TABLE `exchange_inbox` ADD CONSTRAINT "exchange_inbox_via_check" CHECK("via" in ('http', 'package'));
--> statement-breakpoint
ALTER TABLE `exchange_log` ADD CONSTRAINT "exchange_log_kind_check" CHECK("kind" in ('sync', 'export', 'import'));
--> statement-breakpoint
ALTER TABLE `exchange_log` ADD CONSTRAINT "exchange_log_outcome_check" CHECK("outcome" in ('running', 'ok', 'error'));
--> statement-breakpoint
ALTER TABLE `exchange_outbox` ADD CONSTRAINT "exchange_outbox_type_check" CHECK("type" in ('application.registered', 'application.status', 'ippsu.signed', 'refusal.signed', 'result.issued'));
--> statement-breakpoint
ALTER TABLE `portal_applications` ADD CONSTRAINT "portal_applications_channel_check" CHECK("channel" in ('epgu', 'regional_portal', 'mfc'));
--> statement-breakpoint
ALTER TABLE `portal_contracts` ADD CONSTRAINT "portal_contracts_status_check" CHECK("status" in ('Выбран поставщик', 'На заключении', 'На подписании', 'Подписан', 'Расторгнут'));
--> statement-breakpoint
ALTER TABLE `case_assignments` ADD CONSTRAINT "case_assignments_case_status_check" CHECK("case_status" in ('registered', 'requests_sent', 'documents_complete', 'decision_drafted', 'awaiting_signature', 'returned', 'signed', 'issued', 'withdrawn', 'annulled'));
--> statement-breakpoint
ALTER TABLE `circumstance_changes` ADD CONSTRAINT "circumstance_changes_kind_check" CHECK("kind" in ('disability_established', 'disability_changed', 'health_changed', 'carer_moved', 'family_changed', 'residence_changed', 'other'));
--> statement-breakpoint
ALTER TABLE `complaints` ADD CONSTRAINT "complaints_channel_check" CHECK("channel" in ('in_person', 'post', 'mfc', 'epgu', 'regional_portal', 'department_site'));
--> statement-breakpoint
ALTER TABLE `complaints` ADD CONSTRAINT "complaints_subjects_check" CHECK(json_valid("subjects") and json_type("subjects") = 'array' and replace(replace(replace(replace(replace(replace(replace(replace(replace(replace("subjects", ' ', ''), '"registration_term"', ''), '"service_term"', ''), '"extra_documents"', ''), '"refusal_to_accept_documents"', ''), '"refusal_of_service"', ''), '"fee_demanded"', ''), '"refusal_to_correct_errors"', ''), '"other"', ''), ',', '') = '[]');
--> statement-breakpoint
ALTER TABLE `complaints` ADD CONSTRAINT "complaints_status_check" CHECK("status" in ('registered', 'forwarded', 'decided', 'answered', 'left_unanswered'));
--> statement-breakpoint
ALTER TABLE `complaints` ADD CONSTRAINT "complaints_next_due_kind_check" CHECK("next_due_kind" is null or "next_due_kind" in ('registration', 'decision', 'forwarding', 'remedy', 'answer'));
--> statement-breakpoint
ALTER TABLE `complaints` ADD CONSTRAINT "complaints_outcome_check" CHECK("outcome" is null or "outcome" in ('satisfied', 'refused', 'left_unanswered'));
--> statement-breakpoint
ALTER TABLE `complaints` ADD CONSTRAINT "complaints_outcome_ground_check" CHECK("outcome_ground" is null or "outcome_ground" in ('court_decision', 'authority_not_confirmed', 'already_decided', 'unfounded', 'offensive', 'unreadable'));
--> statement-breakpoint
ALTER TABLE `complaints` ADD CONSTRAINT "complaints_answer_method_check" CHECK("answer_method" is null or "answer_method" in ('post', 'email', 'post_and_email'));
--> statement-breakpoint
ALTER TABLE `deadline_terms` ADD CONSTRAINT "deadline_terms_code_check" CHECK("code" in ('registration', 'requests', 'decision', 'result', 'issue', 'interagencyAnswer', 'complaintRegistration', 'complaintDecision', 'complaintDecisionShort', 'complaintForwarding', 'complaintRemedy', 'complaintAnswer'));
--> statement-breakpoint
ALTER TABLE `notifications` ADD CONSTRAINT "notifications_kind_check" CHECK("kind" in ('case_assigned', 'draft_returned', 'draft_submitted', 'complaint_assigned', 'due_today'));
