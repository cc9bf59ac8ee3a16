CREATE TABLE `sync_changes` (
	`seq` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`tenant_id` text NOT NULL,
	`entity` text NOT NULL,
	`record_id` text NOT NULL,
	`client_id` text,
	`left_client_id` text,
	`changed_at` integer NOT NULL,
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `sync_changes_tenant_seq_idx` ON `sync_changes` (`tenant_id`,`seq`);--> statement-breakpoint
CREATE INDEX `sync_changes_record_idx` ON `sync_changes` (`tenant_id`,`entity`,`record_id`);--> statement-breakpoint
CREATE TABLE `sync_field_clocks` (
	`tenant_id` text NOT NULL,
	`entity` text NOT NULL,
	`record_id` text NOT NULL,
	`field` text NOT NULL,
	`hlc` text NOT NULL,
	`seq` integer NOT NULL,
	PRIMARY KEY(`tenant_id`, `entity`, `record_id`, `field`),
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `sync_mutations` (
	`tenant_id` text NOT NULL,
	`user_id` text NOT NULL,
	`device_id` text NOT NULL,
	`seq` integer NOT NULL,
	`mutation_id` text NOT NULL,
	`result` text,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`tenant_id`, `user_id`, `device_id`, `seq`),
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE cascade
);
