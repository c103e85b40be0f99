ALTER TABLE `audit_log` ADD `hash` text;--> statement-breakpoint
-- Hand-written: the audit table is append-only in the file itself. A row's content never changes;
-- its hash may be set once, from NULL (rows written before this version are chained when the database opens).
CREATE TRIGGER `audit_log_no_update` BEFORE UPDATE ON `audit_log`
WHEN OLD.`hash` IS NOT NULL OR NEW.`id` IS NOT OLD.`id` OR NEW.`at` IS NOT OLD.`at` OR NEW.`user_id` IS NOT OLD.`user_id`
  OR NEW.`username` IS NOT OLD.`username` OR NEW.`action` IS NOT OLD.`action` OR NEW.`entity` IS NOT OLD.`entity`
  OR NEW.`entity_id` IS NOT OLD.`entity_id` OR NEW.`before` IS NOT OLD.`before` OR NEW.`after` IS NOT OLD.`after`
BEGIN
  SELECT RAISE(ABORT, 'audit_log is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `audit_log_no_delete` BEFORE DELETE ON `audit_log`
BEGIN
  SELECT RAISE(ABORT, 'audit_log is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `audit_log_hash_required` BEFORE INSERT ON `audit_log`
WHEN NEW.`hash` IS NULL
BEGIN
  SELECT RAISE(ABORT, 'audit_log rows are chained: hash required');
END;
