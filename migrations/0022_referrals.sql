CREATE TABLE `referral_codes` (
	`tenant_id` text PRIMARY KEY NOT NULL,
	`code` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `referral_codes_code_unique` ON `referral_codes` (`code`);--> statement-breakpoint
CREATE TABLE `referrals` (
	`tenant_id` text NOT NULL,
	`referred_tenant_id` text PRIMARY KEY NOT NULL,
	`code` text NOT NULL,
	`landed_at` integer NOT NULL,
	`signed_up_at` integer NOT NULL,
	`converted_at` integer,
	`converted_invoice_id` text,
	`reward_credits` integer,
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`referred_tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `referrals_referrer_time_idx` ON `referrals` (`tenant_id`,`signed_up_at`);