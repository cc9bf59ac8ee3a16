CREATE TABLE `booking_types` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`name` text NOT NULL,
	`kind` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`duration_minutes` integer NOT NULL,
	`buffer_minutes` integer DEFAULT 0 NOT NULL,
	`min_notice_minutes` integer DEFAULT 0 NOT NULL,
	`max_advance_days` integer DEFAULT 60 NOT NULL,
	`change_cutoff_minutes` integer DEFAULT 0 NOT NULL,
	`tiers` text NOT NULL,
	`host_user_ids` text NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `booking_types_tenant_idx` ON `booking_types` (`tenant_id`,`name`);--> statement-breakpoint
CREATE TABLE `bookings` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`booking_type_id` text NOT NULL,
	`kind` text NOT NULL,
	`client_id` text NOT NULL,
	`booked_by_user_id` text,
	`host_user_id` text NOT NULL,
	`starts_at` integer NOT NULL,
	`ends_at` integer NOT NULL,
	`blocked_until` integer NOT NULL,
	`client_time_zone` text NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`status` text DEFAULT 'confirmed' NOT NULL,
	`sequence` integer DEFAULT 0 NOT NULL,
	`confirmed_at` integer NOT NULL,
	`idempotency_key` text,
	`cancel_reason` text,
	`cancelled_at` integer,
	`cancelled_by_user_id` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`booking_type_id`) REFERENCES `booking_types`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`client_id`) REFERENCES `clients`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`booked_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`host_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `bookings_host_start_unique` ON `bookings` (`tenant_id`,`host_user_id`,`starts_at`) WHERE status = 'confirmed';--> statement-breakpoint
CREATE UNIQUE INDEX `bookings_idempotency_unique` ON `bookings` (`tenant_id`,`idempotency_key`);--> statement-breakpoint
CREATE INDEX `bookings_tenant_start_idx` ON `bookings` (`tenant_id`,`starts_at`);--> statement-breakpoint
CREATE INDEX `bookings_tenant_client_idx` ON `bookings` (`tenant_id`,`client_id`,`starts_at`);--> statement-breakpoint
CREATE INDEX `bookings_start_status_idx` ON `bookings` (`starts_at`,`status`);--> statement-breakpoint
CREATE TABLE `staff_availability` (
	`tenant_id` text NOT NULL,
	`user_id` text NOT NULL,
	`time_zone` text NOT NULL,
	`weekly` text NOT NULL,
	`exceptions` text NOT NULL,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`tenant_id`, `user_id`),
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
ALTER TABLE `email_outbox` ADD `attachments` text;