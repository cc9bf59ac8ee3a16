CREATE TABLE `message_attachments` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`deleted_at` integer,
	`thread_id` text NOT NULL,
	`message_id` text,
	`uploader_user_id` text,
	`file_name` text NOT NULL,
	`content_type` text NOT NULL,
	`size` integer NOT NULL,
	`object_key` text NOT NULL,
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`thread_id`) REFERENCES `message_threads`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`message_id`) REFERENCES `thread_messages`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`uploader_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `message_attachments_tenant_updated_idx` ON `message_attachments` (`tenant_id`,`updated_at`);--> statement-breakpoint
CREATE INDEX `message_attachments_tenant_message_idx` ON `message_attachments` (`tenant_id`,`message_id`);--> statement-breakpoint
CREATE TABLE `message_threads` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`deleted_at` integer,
	`client_id` text NOT NULL,
	`project_id` text,
	`subject` text NOT NULL,
	`created_by_user_id` text,
	`last_message_at` integer NOT NULL,
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`client_id`) REFERENCES `clients`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`created_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `message_threads_tenant_updated_idx` ON `message_threads` (`tenant_id`,`updated_at`);--> statement-breakpoint
CREATE INDEX `message_threads_tenant_last_idx` ON `message_threads` (`tenant_id`,`last_message_at`);--> statement-breakpoint
CREATE INDEX `message_threads_tenant_client_idx` ON `message_threads` (`tenant_id`,`client_id`);--> statement-breakpoint
CREATE TABLE `messaging_settings` (
	`tenant_id` text PRIMARY KEY NOT NULL,
	`minimum_tier` text,
	`unread_email_minutes` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `thread_messages` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`deleted_at` integer,
	`thread_id` text NOT NULL,
	`author_user_id` text,
	`body` text NOT NULL,
	`edited_at` integer,
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`thread_id`) REFERENCES `message_threads`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`author_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `thread_messages_tenant_updated_idx` ON `thread_messages` (`tenant_id`,`updated_at`);--> statement-breakpoint
CREATE INDEX `thread_messages_tenant_thread_idx` ON `thread_messages` (`tenant_id`,`thread_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `thread_reads` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`deleted_at` integer,
	`thread_id` text NOT NULL,
	`user_id` text NOT NULL,
	`last_read_message_id` text NOT NULL,
	`last_read_at` integer NOT NULL,
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`thread_id`) REFERENCES `message_threads`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `thread_reads_tenant_thread_user_unique` ON `thread_reads` (`tenant_id`,`thread_id`,`user_id`);--> statement-breakpoint
CREATE INDEX `thread_reads_tenant_updated_idx` ON `thread_reads` (`tenant_id`,`updated_at`);