ALTER TABLE `tenant_branding` ADD `accent_color` text;--> statement-breakpoint
ALTER TABLE `tenant_branding` ADD `font` text DEFAULT 'system' NOT NULL;--> statement-breakpoint
ALTER TABLE `tenant_branding` ADD `corner_style` text DEFAULT 'rounded' NOT NULL;--> statement-breakpoint
ALTER TABLE `tenant_branding` ADD `default_appearance` text DEFAULT 'light' NOT NULL;--> statement-breakpoint
ALTER TABLE `users` ADD `appearance` text;