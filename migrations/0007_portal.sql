CREATE TABLE `client_members` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`deleted_at` integer,
	`client_id` text NOT NULL,
	`user_id` text NOT NULL,
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`client_id`) REFERENCES `clients`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `client_members_tenant_user_unique` ON `client_members` (`tenant_id`,`user_id`);--> statement-breakpoint
CREATE INDEX `client_members_tenant_client_idx` ON `client_members` (`tenant_id`,`client_id`);--> statement-breakpoint
CREATE INDEX `client_members_tenant_updated_idx` ON `client_members` (`tenant_id`,`updated_at`);--> statement-breakpoint
CREATE TABLE `clients` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`deleted_at` integer,
	`name` text NOT NULL,
	`status` text DEFAULT 'pending_setup' NOT NULL,
	`status_before_archive` text,
	`tier` text DEFAULT 'standard' NOT NULL,
	`owner_user_id` text,
	`notes` text DEFAULT '' NOT NULL,
	`website` text,
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`owner_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `clients_tenant_updated_idx` ON `clients` (`tenant_id`,`updated_at`);--> statement-breakpoint
CREATE INDEX `clients_tenant_name_idx` ON `clients` (`tenant_id`,`name`);--> statement-breakpoint
CREATE INDEX `clients_tenant_status_idx` ON `clients` (`tenant_id`,`status`);--> statement-breakpoint
CREATE TABLE `deliverable_reviews` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`deleted_at` integer,
	`deliverable_id` text NOT NULL,
	`author_user_id` text,
	`decision` text NOT NULL,
	`comment` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`deliverable_id`) REFERENCES `deliverables`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`author_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `deliverable_reviews_tenant_updated_idx` ON `deliverable_reviews` (`tenant_id`,`updated_at`);--> statement-breakpoint
CREATE INDEX `deliverable_reviews_tenant_deliverable_idx` ON `deliverable_reviews` (`tenant_id`,`deliverable_id`);--> statement-breakpoint
CREATE TABLE `deliverables` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`deleted_at` integer,
	`project_id` text NOT NULL,
	`milestone_id` text,
	`title` text NOT NULL,
	`kind` text NOT NULL,
	`url` text,
	`status` text DEFAULT 'pending_review' NOT NULL,
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`milestone_id`) REFERENCES `milestones`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `deliverables_tenant_updated_idx` ON `deliverables` (`tenant_id`,`updated_at`);--> statement-breakpoint
CREATE INDEX `deliverables_tenant_project_idx` ON `deliverables` (`tenant_id`,`project_id`);--> statement-breakpoint
CREATE TABLE `milestones` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`deleted_at` integer,
	`project_id` text NOT NULL,
	`title` text NOT NULL,
	`due_at` integer,
	`status` text DEFAULT 'pending' NOT NULL,
	`position` integer NOT NULL,
	`completed_at` integer,
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `milestones_tenant_updated_idx` ON `milestones` (`tenant_id`,`updated_at`);--> statement-breakpoint
CREATE INDEX `milestones_tenant_project_idx` ON `milestones` (`tenant_id`,`project_id`,`position`);--> statement-breakpoint
CREATE TABLE `projects` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`deleted_at` integer,
	`client_id` text NOT NULL,
	`name` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`status` text DEFAULT 'planned' NOT NULL,
	`starts_at` integer,
	`due_at` integer,
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`client_id`) REFERENCES `clients`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `projects_tenant_updated_idx` ON `projects` (`tenant_id`,`updated_at`);--> statement-breakpoint
CREATE INDEX `projects_tenant_client_idx` ON `projects` (`tenant_id`,`client_id`);--> statement-breakpoint
CREATE TABLE `tasks` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`deleted_at` integer,
	`project_id` text NOT NULL,
	`milestone_id` text,
	`title` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`assignee_user_id` text,
	`due_at` integer,
	`status` text DEFAULT 'open' NOT NULL,
	`completed_at` integer,
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`milestone_id`) REFERENCES `milestones`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`assignee_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `tasks_tenant_updated_idx` ON `tasks` (`tenant_id`,`updated_at`);--> statement-breakpoint
CREATE INDEX `tasks_tenant_project_idx` ON `tasks` (`tenant_id`,`project_id`);--> statement-breakpoint
CREATE INDEX `tasks_status_due_idx` ON `tasks` (`status`,`due_at`);