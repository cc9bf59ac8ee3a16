CREATE TABLE `crm_deal_contacts` (
	`tenant_id` text NOT NULL,
	`deal_id` text NOT NULL,
	`contact_id` text NOT NULL,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`deal_id`, `contact_id`),
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`deal_id`) REFERENCES `crm_deals`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `crm_deal_contacts_tenant_contact_idx` ON `crm_deal_contacts` (`tenant_id`,`contact_id`);--> statement-breakpoint
CREATE TABLE `crm_deal_stage_history` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`deal_id` text NOT NULL,
	`from_stage_id` text,
	`to_stage_id` text NOT NULL,
	`at` integer NOT NULL,
	`by_user_id` text,
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`deal_id`) REFERENCES `crm_deals`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `crm_deal_stage_history_tenant_deal_idx` ON `crm_deal_stage_history` (`tenant_id`,`deal_id`,`at`);--> statement-breakpoint
CREATE TABLE `crm_deals` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`deleted_at` integer,
	`client_id` text,
	`version` integer DEFAULT 1 NOT NULL,
	`pipeline_id` text NOT NULL,
	`stage_id` text NOT NULL,
	`name` text NOT NULL,
	`amount` integer DEFAULT 0 NOT NULL,
	`currency` text NOT NULL,
	`expected_close_at` integer,
	`owner_user_id` text,
	`company_id` text,
	`status` text DEFAULT 'open' NOT NULL,
	`close_reason` text,
	`closed_at` integer,
	`stage_entered_at` integer NOT NULL,
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`client_id`) REFERENCES `clients`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`pipeline_id`) REFERENCES `crm_pipelines`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`stage_id`) REFERENCES `crm_stages`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`owner_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `crm_deals_tenant_updated_idx` ON `crm_deals` (`tenant_id`,`updated_at`);--> statement-breakpoint
CREATE INDEX `crm_deals_tenant_pipeline_idx` ON `crm_deals` (`tenant_id`,`pipeline_id`,`stage_id`);--> statement-breakpoint
CREATE INDEX `crm_deals_tenant_client_idx` ON `crm_deals` (`tenant_id`,`client_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `crm_pipelines` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`deleted_at` integer,
	`client_id` text,
	`name` text NOT NULL,
	`position` integer NOT NULL,
	`default_key` text,
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`client_id`) REFERENCES `clients`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `crm_pipelines_tenant_client_idx` ON `crm_pipelines` (`tenant_id`,`client_id`,`position`);--> statement-breakpoint
CREATE UNIQUE INDEX `crm_pipelines_default_uq` ON `crm_pipelines` (`tenant_id`,`default_key`);--> statement-breakpoint
CREATE TABLE `crm_stages` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`deleted_at` integer,
	`pipeline_id` text NOT NULL,
	`name` text NOT NULL,
	`position` integer NOT NULL,
	`probability` integer NOT NULL,
	`kind` text DEFAULT 'open' NOT NULL,
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`pipeline_id`) REFERENCES `crm_pipelines`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `crm_stages_tenant_pipeline_idx` ON `crm_stages` (`tenant_id`,`pipeline_id`,`position`);