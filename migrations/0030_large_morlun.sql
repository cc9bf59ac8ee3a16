CREATE TABLE `ai_provider_keys` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`kind` text NOT NULL,
	`sealed_key` text NOT NULL,
	`last_four` text NOT NULL,
	`base_url` text,
	`models` text DEFAULT '[]' NOT NULL,
	`check_status` text NOT NULL,
	`check_detail` text,
	`checked_at` integer NOT NULL,
	`created_by` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `ai_provider_keys_tenant_kind_idx` ON `ai_provider_keys` (`tenant_id`,`kind`);