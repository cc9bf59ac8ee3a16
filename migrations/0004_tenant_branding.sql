CREATE TABLE `tenant_branding` (
	`tenant_id` text PRIMARY KEY NOT NULL,
	`primary_color` text NOT NULL,
	`email_sender_name` text,
	`logo_file` text,
	`favicon_file` text,
	`icon_192_file` text,
	`icon_512_file` text,
	`icon_maskable_file` text,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE cascade
);
