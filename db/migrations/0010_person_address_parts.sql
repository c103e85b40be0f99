ALTER TABLE `persons` ADD `reg_address_parts` text;--> statement-breakpoint
ALTER TABLE `persons` ADD `actual_address_parts` text;