ALTER TABLE `subscriptions` ADD `current_period_start` integer;--> statement-breakpoint
ALTER TABLE `subscriptions` ADD `credited_slice` text;--> statement-breakpoint
ALTER TABLE `subscriptions` ADD `credited_plan_id` text;