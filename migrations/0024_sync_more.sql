ALTER TABLE `sync_changes` ADD `owner_user_id` text;--> statement-breakpoint
CREATE INDEX `sync_mutations_created_idx` ON `sync_mutations` (`created_at`);