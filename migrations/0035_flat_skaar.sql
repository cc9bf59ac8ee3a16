CREATE TABLE `crm_companies` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`deleted_at` integer,
	`client_id` text,
	`owner_user_id` text,
	`lifecycle_stage` text DEFAULT 'lead' NOT NULL,
	`tags` text DEFAULT '[]' NOT NULL,
	`custom_fields` text DEFAULT '{}' NOT NULL,
	`merged_into_id` text,
	`name` text NOT NULL,
	`domain` text,
	`domain_normalized` text,
	`phone` text,
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`client_id`) REFERENCES `clients`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`owner_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `crm_companies_tenant_client_created_idx` ON `crm_companies` (`tenant_id`,`client_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `crm_companies_tenant_domain_idx` ON `crm_companies` (`tenant_id`,`domain_normalized`);--> statement-breakpoint
CREATE INDEX `crm_companies_tenant_updated_idx` ON `crm_companies` (`tenant_id`,`updated_at`);--> statement-breakpoint
CREATE TABLE `crm_contacts` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`deleted_at` integer,
	`client_id` text,
	`owner_user_id` text,
	`lifecycle_stage` text DEFAULT 'lead' NOT NULL,
	`tags` text DEFAULT '[]' NOT NULL,
	`custom_fields` text DEFAULT '{}' NOT NULL,
	`merged_into_id` text,
	`first_name` text DEFAULT '' NOT NULL,
	`last_name` text DEFAULT '' NOT NULL,
	`email` text,
	`email_normalized` text,
	`phone` text,
	`phone_normalized` text,
	`title` text,
	`company_id` text,
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`client_id`) REFERENCES `clients`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`owner_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`company_id`) REFERENCES `crm_companies`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `crm_contacts_tenant_client_created_idx` ON `crm_contacts` (`tenant_id`,`client_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `crm_contacts_tenant_email_idx` ON `crm_contacts` (`tenant_id`,`email_normalized`);--> statement-breakpoint
CREATE INDEX `crm_contacts_tenant_phone_idx` ON `crm_contacts` (`tenant_id`,`phone_normalized`);--> statement-breakpoint
CREATE INDEX `crm_contacts_tenant_company_idx` ON `crm_contacts` (`tenant_id`,`company_id`);--> statement-breakpoint
CREATE INDEX `crm_contacts_tenant_updated_idx` ON `crm_contacts` (`tenant_id`,`updated_at`);--> statement-breakpoint
CREATE TABLE `crm_custom_fields` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`deleted_at` integer,
	`client_id` text,
	`record_kind` text NOT NULL,
	`key` text NOT NULL,
	`label` text NOT NULL,
	`type` text NOT NULL,
	`options` text DEFAULT '[]' NOT NULL,
	`position` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`client_id`) REFERENCES `clients`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `crm_custom_fields_tenant_client_idx` ON `crm_custom_fields` (`tenant_id`,`client_id`,`record_kind`);--> statement-breakpoint
CREATE TABLE `crm_saved_views` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`deleted_at` integer,
	`client_id` text,
	`record_kind` text NOT NULL,
	`name` text NOT NULL,
	`filters` text DEFAULT '{}' NOT NULL,
	`created_by_user_id` text,
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`client_id`) REFERENCES `clients`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`created_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `crm_saved_views_tenant_client_idx` ON `crm_saved_views` (`tenant_id`,`client_id`,`record_kind`);--> statement-breakpoint
-- Hand-written (drizzle-kit cannot write an expression index): one live custom field per key in a workspace (null client_id: the agency's) and record kind.
CREATE UNIQUE INDEX `crm_custom_fields_key_unique` ON `crm_custom_fields` (`tenant_id`, coalesce(`client_id`, ''), `record_kind`, `key`) WHERE `deleted_at` IS NULL;--> statement-breakpoint
-- Full-text search of contacts and companies (docs/CRM.md "Search"): FTS5 tables kept by the triggers below, so every write path (REST, sync, merge, import) indexes alike.
-- Each index row has its record's rowid (fast upkeep) and id (what searches join on); content is names, email, phone, title/domain, tags and custom field values.
CREATE VIRTUAL TABLE `crm_contact_search` USING fts5(content, tenant_id UNINDEXED, record_id UNINDEXED, tokenize = 'unicode61 remove_diacritics 2');--> statement-breakpoint
CREATE VIRTUAL TABLE `crm_company_search` USING fts5(content, tenant_id UNINDEXED, record_id UNINDEXED, tokenize = 'unicode61 remove_diacritics 2');--> statement-breakpoint
CREATE TRIGGER `crm_contacts_search_insert` AFTER INSERT ON `crm_contacts` BEGIN
	INSERT INTO crm_contact_search (rowid, content, tenant_id, record_id) VALUES (NEW.rowid,
		NEW.first_name || ' ' || NEW.last_name || ' ' || coalesce(NEW.email, '') || ' ' || coalesce(NEW.phone, '') || ' ' || coalesce(NEW.title, '') || ' ' ||
		coalesce((SELECT group_concat(value, ' ') FROM json_each(NEW.tags)), '') || ' ' || coalesce((SELECT group_concat(value, ' ') FROM json_each(NEW.custom_fields)), ''),
		NEW.tenant_id, NEW.id);
END;--> statement-breakpoint
CREATE TRIGGER `crm_contacts_search_update` AFTER UPDATE ON `crm_contacts` BEGIN
	DELETE FROM crm_contact_search WHERE rowid = OLD.rowid;
	INSERT INTO crm_contact_search (rowid, content, tenant_id, record_id) VALUES (NEW.rowid,
		NEW.first_name || ' ' || NEW.last_name || ' ' || coalesce(NEW.email, '') || ' ' || coalesce(NEW.phone, '') || ' ' || coalesce(NEW.title, '') || ' ' ||
		coalesce((SELECT group_concat(value, ' ') FROM json_each(NEW.tags)), '') || ' ' || coalesce((SELECT group_concat(value, ' ') FROM json_each(NEW.custom_fields)), ''),
		NEW.tenant_id, NEW.id);
END;--> statement-breakpoint
CREATE TRIGGER `crm_contacts_search_delete` AFTER DELETE ON `crm_contacts` BEGIN
	DELETE FROM crm_contact_search WHERE rowid = OLD.rowid;
END;--> statement-breakpoint
CREATE TRIGGER `crm_companies_search_insert` AFTER INSERT ON `crm_companies` BEGIN
	INSERT INTO crm_company_search (rowid, content, tenant_id, record_id) VALUES (NEW.rowid,
		NEW.name || ' ' || coalesce(NEW.domain, '') || ' ' || coalesce(NEW.phone, '') || ' ' ||
		coalesce((SELECT group_concat(value, ' ') FROM json_each(NEW.tags)), '') || ' ' || coalesce((SELECT group_concat(value, ' ') FROM json_each(NEW.custom_fields)), ''),
		NEW.tenant_id, NEW.id);
END;--> statement-breakpoint
CREATE TRIGGER `crm_companies_search_update` AFTER UPDATE ON `crm_companies` BEGIN
	DELETE FROM crm_company_search WHERE rowid = OLD.rowid;
	INSERT INTO crm_company_search (rowid, content, tenant_id, record_id) VALUES (NEW.rowid,
		NEW.name || ' ' || coalesce(NEW.domain, '') || ' ' || coalesce(NEW.phone, '') || ' ' ||
		coalesce((SELECT group_concat(value, ' ') FROM json_each(NEW.tags)), '') || ' ' || coalesce((SELECT group_concat(value, ' ') FROM json_each(NEW.custom_fields)), ''),
		NEW.tenant_id, NEW.id);
END;--> statement-breakpoint
CREATE TRIGGER `crm_companies_search_delete` AFTER DELETE ON `crm_companies` BEGIN
	DELETE FROM crm_company_search WHERE rowid = OLD.rowid;
END;
