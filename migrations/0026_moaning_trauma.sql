CREATE TABLE `sso_domains` (
	`tenant_id` text NOT NULL,
	`domain` text NOT NULL,
	`verification_token` text NOT NULL,
	`verified_at` integer,
	`last_checked_at` integer,
	`last_check_error` text,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`tenant_id`, `domain`),
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `sso_domains_tenant_idx` ON `sso_domains` (`tenant_id`);--> statement-breakpoint
ALTER TABLE `sso_connections` ADD `configured_by` text;--> statement-breakpoint
ALTER TABLE `sso_connections` ADD `privileged_approved_by` text;--> statement-breakpoint
ALTER TABLE `sso_connections` ADD `privileged_approved_at` integer;