CREATE TABLE `platform_audit_events` (
	`id` text PRIMARY KEY NOT NULL,
	`action` text NOT NULL,
	`actor_label` text NOT NULL,
	`target_type` text,
	`target_id` text,
	`detail` text,
	`ip` text,
	`user_agent` text,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `platform_audit_events_time_idx` ON `platform_audit_events` (`created_at`);--> statement-breakpoint
CREATE TABLE `job_failures` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text,
	`type` text NOT NULL,
	`attempts` integer NOT NULL,
	`error` text NOT NULL,
	`first_failed_at` integer NOT NULL,
	`last_failed_at` integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE `dead_jobs` ADD `error` text;--> statement-breakpoint
ALTER TABLE `dead_jobs` ADD `first_failed_at` integer;--> statement-breakpoint
ALTER TABLE `dead_jobs` ADD `last_failed_at` integer;--> statement-breakpoint
ALTER TABLE `dead_jobs` ADD `replayed_by` text;--> statement-breakpoint
ALTER TABLE `dead_jobs` ADD `replays` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `dead_jobs` ADD `resolved_at` integer;--> statement-breakpoint
ALTER TABLE `dead_jobs` ADD `discarded_at` integer;--> statement-breakpoint
ALTER TABLE `dead_jobs` ADD `discarded_by` text;