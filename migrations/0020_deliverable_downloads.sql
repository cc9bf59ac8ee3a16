CREATE TABLE `deliverable_archives` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`requested_by` text NOT NULL,
	`client_scope_id` text,
	`selection` text NOT NULL,
	`request_key` text,
	`status` text DEFAULT 'pending' NOT NULL,
	`object_key` text,
	`size` integer,
	`file_count` integer,
	`link_count` integer,
	`error` text,
	`ready_at` integer,
	`expires_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`requested_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `deliverable_archives_tenant_user_idx` ON `deliverable_archives` (`tenant_id`,`requested_by`,`created_at`);--> statement-breakpoint
CREATE INDEX `deliverable_archives_status_expiry_idx` ON `deliverable_archives` (`status`,`expires_at`);--> statement-breakpoint
CREATE UNIQUE INDEX `deliverable_archives_request_key_idx` ON `deliverable_archives` (`tenant_id`,`requested_by`,`request_key`);--> statement-breakpoint
ALTER TABLE `deliverables` ADD `document_id` text REFERENCES documents(id);