CREATE TABLE `coupon_redemptions` (
	`checkout_session_id` text PRIMARY KEY NOT NULL,
	`coupon_id` text NOT NULL,
	`tenant_id` text NOT NULL,
	`redeemed_at` integer NOT NULL,
	FOREIGN KEY (`coupon_id`) REFERENCES `coupons`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `coupon_redemptions_coupon_idx` ON `coupon_redemptions` (`coupon_id`);--> statement-breakpoint
CREATE TABLE `coupons` (
	`id` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`code` text,
	`name` text NOT NULL,
	`percent_off` integer,
	`amount_off` integer,
	`currency` text,
	`duration` text NOT NULL,
	`duration_in_months` integer,
	`max_redemptions` integer,
	`expires_at` integer,
	`starts_at` integer,
	`ends_at` integer,
	`active` integer DEFAULT true NOT NULL,
	`stripe_coupon_id` text NOT NULL,
	`stripe_promotion_code_id` text,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `coupons_code_unique` ON `coupons` (`code`);--> statement-breakpoint
CREATE UNIQUE INDEX `coupons_stripe_coupon_unique` ON `coupons` (`stripe_coupon_id`);--> statement-breakpoint
ALTER TABLE `refunds` ADD `issued_by` text;--> statement-breakpoint
ALTER TABLE `refunds` ADD `idempotency_key` text;--> statement-breakpoint
CREATE INDEX `refunds_invoice_idx` ON `refunds` (`invoice_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `refunds_idempotency_unique` ON `refunds` (`idempotency_key`);