CREATE TABLE `onboarding_runs` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`client_id` text NOT NULL,
	`steps` text NOT NULL,
	`status` text DEFAULT 'in_progress' NOT NULL,
	`started_by` text,
	`started_at` integer NOT NULL,
	`completed_at` integer,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`client_id`) REFERENCES `clients`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `onboarding_runs_tenant_client_unique` ON `onboarding_runs` (`tenant_id`,`client_id`);--> statement-breakpoint
CREATE INDEX `onboarding_runs_tenant_status_idx` ON `onboarding_runs` (`tenant_id`,`status`,`started_at`);--> statement-breakpoint
CREATE TABLE `onboarding_signatures` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`run_id` text NOT NULL,
	`client_id` text NOT NULL,
	`step_id` text NOT NULL,
	`signer_user_id` text,
	`signer_name` text NOT NULL,
	`method` text NOT NULL,
	`svg_path` text,
	`signed_text` text NOT NULL,
	`text_sha256` text NOT NULL,
	`signed_at` integer NOT NULL,
	`ip` text,
	`user_agent` text,
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`run_id`) REFERENCES `onboarding_runs`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `onboarding_signatures_run_step_unique` ON `onboarding_signatures` (`tenant_id`,`run_id`,`step_id`);--> statement-breakpoint
CREATE TABLE `onboarding_step_states` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`run_id` text NOT NULL,
	`step_id` text NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`data` text DEFAULT '{}' NOT NULL,
	`completed_at` integer,
	`completed_by` text,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`run_id`) REFERENCES `onboarding_runs`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `onboarding_step_states_run_step_unique` ON `onboarding_step_states` (`tenant_id`,`run_id`,`step_id`);--> statement-breakpoint
CREATE TABLE `onboarding_templates` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`steps` text NOT NULL,
	`updated_by` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `onboarding_templates_tenant_unique` ON `onboarding_templates` (`tenant_id`);