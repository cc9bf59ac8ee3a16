ALTER TABLE `tenant_domains` ADD `cloudflare_hostname_id` text;--> statement-breakpoint
ALTER TABLE `tenant_domains` ADD `cloudflare_status` text;--> statement-breakpoint
ALTER TABLE `tenant_domains` ADD `last_checked_at` integer;--> statement-breakpoint
ALTER TABLE `tenant_domains` ADD `last_check_error` text;