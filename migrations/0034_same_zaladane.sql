CREATE TABLE `crm_form_rejections` (
	`tenant_id` text NOT NULL,
	`form_id` text NOT NULL,
	`day` text NOT NULL,
	`reason` text NOT NULL,
	`count` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`tenant_id`, `form_id`, `day`, `reason`),
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`form_id`) REFERENCES `crm_forms`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `crm_forms` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`client_id` text,
	`name` text NOT NULL,
	`status` text DEFAULT 'draft' NOT NULL,
	`fields` text NOT NULL,
	`consents` text NOT NULL,
	`hidden_fields` text NOT NULL,
	`success` text NOT NULL,
	`double_opt_in` integer DEFAULT false NOT NULL,
	`created_by` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`client_id`) REFERENCES `clients`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `crm_forms_tenant_client_idx` ON `crm_forms` (`tenant_id`,`client_id`,`updated_at`);--> statement-breakpoint
CREATE TABLE `crm_leads` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`client_id` text,
	`form_id` text,
	`submission_id` text,
	`source` text NOT NULL,
	`status` text DEFAULT 'new' NOT NULL,
	`email` text,
	`first_name` text,
	`last_name` text,
	`phone` text,
	`company` text,
	`title` text,
	`message` text,
	`values` text NOT NULL,
	`hidden` text NOT NULL,
	`consents` text NOT NULL,
	`opt_in` text DEFAULT 'not_required' NOT NULL,
	`opt_in_confirmed_at` integer,
	`opt_in_token_hash` text,
	`opt_in_expires_at` integer,
	`score` integer DEFAULT 0 NOT NULL,
	`owner_user_id` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`client_id`) REFERENCES `clients`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`form_id`) REFERENCES `crm_forms`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`owner_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `crm_leads_tenant_client_created_idx` ON `crm_leads` (`tenant_id`,`client_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `crm_leads_tenant_form_created_idx` ON `crm_leads` (`tenant_id`,`form_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `crm_leads_tenant_created_idx` ON `crm_leads` (`tenant_id`,`created_at`);--> statement-breakpoint
CREATE UNIQUE INDEX `crm_leads_submission_unique` ON `crm_leads` (`tenant_id`,`form_id`,`submission_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `crm_leads_opt_in_token_unique` ON `crm_leads` (`opt_in_token_hash`);