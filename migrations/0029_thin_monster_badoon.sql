ALTER TABLE `client_members` ADD `title` text;--> statement-breakpoint
ALTER TABLE `invitations` ADD `name` text;--> statement-breakpoint
ALTER TABLE `invitations` ADD `title` text;--> statement-breakpoint
ALTER TABLE `tasks` ADD `assignee_invitation_id` text;