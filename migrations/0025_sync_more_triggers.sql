CREATE TRIGGER `sync_message_threads_insert` AFTER INSERT ON `message_threads` BEGIN
	INSERT INTO sync_changes (tenant_id, entity, record_id, client_id, left_client_id, changed_at) VALUES (NEW.tenant_id, 'message_threads', NEW.id, NEW.client_id, NULL, NEW.updated_at);
END;
--> statement-breakpoint
CREATE TRIGGER `sync_message_threads_update` AFTER UPDATE ON `message_threads` BEGIN
	DELETE FROM sync_changes WHERE tenant_id = NEW.tenant_id AND entity = 'message_threads' AND record_id = NEW.id AND left_client_id IS NULL;
	INSERT INTO sync_changes (tenant_id, entity, record_id, client_id, left_client_id, changed_at) VALUES (NEW.tenant_id, 'message_threads', NEW.id, NEW.client_id,
		CASE WHEN (OLD.client_id) IS NOT (NEW.client_id) THEN (OLD.client_id) END, NEW.updated_at);
END;
--> statement-breakpoint
CREATE TRIGGER `sync_message_threads_delete` AFTER DELETE ON `message_threads` BEGIN
	INSERT INTO sync_changes (tenant_id, entity, record_id, client_id, left_client_id, changed_at) VALUES (OLD.tenant_id, 'message_threads', OLD.id, OLD.client_id, NULL, OLD.updated_at);
END;
--> statement-breakpoint
CREATE TRIGGER `sync_thread_messages_insert` AFTER INSERT ON `thread_messages` BEGIN
	INSERT INTO sync_changes (tenant_id, entity, record_id, client_id, left_client_id, changed_at) VALUES (NEW.tenant_id, 'thread_messages', NEW.id, (SELECT client_id FROM message_threads WHERE id = NEW.thread_id), NULL, NEW.updated_at);
END;
--> statement-breakpoint
CREATE TRIGGER `sync_thread_messages_update` AFTER UPDATE ON `thread_messages` BEGIN
	DELETE FROM sync_changes WHERE tenant_id = NEW.tenant_id AND entity = 'thread_messages' AND record_id = NEW.id AND left_client_id IS NULL;
	INSERT INTO sync_changes (tenant_id, entity, record_id, client_id, left_client_id, changed_at) VALUES (NEW.tenant_id, 'thread_messages', NEW.id, (SELECT client_id FROM message_threads WHERE id = NEW.thread_id),
		CASE WHEN ((SELECT client_id FROM message_threads WHERE id = OLD.thread_id)) IS NOT ((SELECT client_id FROM message_threads WHERE id = NEW.thread_id)) THEN ((SELECT client_id FROM message_threads WHERE id = OLD.thread_id)) END, NEW.updated_at);
END;
--> statement-breakpoint
CREATE TRIGGER `sync_thread_messages_delete` AFTER DELETE ON `thread_messages` BEGIN
	INSERT INTO sync_changes (tenant_id, entity, record_id, client_id, left_client_id, changed_at) VALUES (OLD.tenant_id, 'thread_messages', OLD.id, (SELECT client_id FROM message_threads WHERE id = OLD.thread_id), NULL, OLD.updated_at);
END;
--> statement-breakpoint
CREATE TRIGGER `sync_document_folders_insert` AFTER INSERT ON `document_folders` BEGIN
	INSERT INTO sync_changes (tenant_id, entity, record_id, client_id, left_client_id, changed_at) VALUES (NEW.tenant_id, 'document_folders', NEW.id, NEW.client_id, NULL, NEW.updated_at);
END;
--> statement-breakpoint
CREATE TRIGGER `sync_document_folders_update` AFTER UPDATE ON `document_folders` BEGIN
	DELETE FROM sync_changes WHERE tenant_id = NEW.tenant_id AND entity = 'document_folders' AND record_id = NEW.id AND left_client_id IS NULL;
	INSERT INTO sync_changes (tenant_id, entity, record_id, client_id, left_client_id, changed_at) VALUES (NEW.tenant_id, 'document_folders', NEW.id, NEW.client_id,
		CASE WHEN (OLD.client_id) IS NOT (NEW.client_id) THEN (OLD.client_id) END, NEW.updated_at);
END;
--> statement-breakpoint
CREATE TRIGGER `sync_document_folders_delete` AFTER DELETE ON `document_folders` BEGIN
	INSERT INTO sync_changes (tenant_id, entity, record_id, client_id, left_client_id, changed_at) VALUES (OLD.tenant_id, 'document_folders', OLD.id, OLD.client_id, NULL, OLD.updated_at);
END;
--> statement-breakpoint
CREATE TRIGGER `sync_documents_insert` AFTER INSERT ON `documents` BEGIN
	INSERT INTO sync_changes (tenant_id, entity, record_id, client_id, left_client_id, changed_at) VALUES (NEW.tenant_id, 'documents', NEW.id, NEW.client_id, NULL, NEW.updated_at);
END;
--> statement-breakpoint
CREATE TRIGGER `sync_documents_update` AFTER UPDATE ON `documents` BEGIN
	DELETE FROM sync_changes WHERE tenant_id = NEW.tenant_id AND entity = 'documents' AND record_id = NEW.id AND left_client_id IS NULL;
	INSERT INTO sync_changes (tenant_id, entity, record_id, client_id, left_client_id, changed_at) VALUES (NEW.tenant_id, 'documents', NEW.id, NEW.client_id,
		CASE WHEN (OLD.client_id) IS NOT (NEW.client_id) THEN (OLD.client_id) END, NEW.updated_at);
END;
--> statement-breakpoint
CREATE TRIGGER `sync_documents_delete` AFTER DELETE ON `documents` BEGIN
	INSERT INTO sync_changes (tenant_id, entity, record_id, client_id, left_client_id, changed_at) VALUES (OLD.tenant_id, 'documents', OLD.id, OLD.client_id, NULL, OLD.updated_at);
END;
--> statement-breakpoint
CREATE TRIGGER `sync_document_versions_insert` AFTER INSERT ON `document_versions` BEGIN
	INSERT INTO sync_changes (tenant_id, entity, record_id, client_id, left_client_id, changed_at) VALUES (NEW.tenant_id, 'document_versions', NEW.id, (SELECT client_id FROM documents WHERE id = NEW.document_id), NULL, NEW.updated_at);
END;
--> statement-breakpoint
CREATE TRIGGER `sync_document_versions_update` AFTER UPDATE ON `document_versions` BEGIN
	DELETE FROM sync_changes WHERE tenant_id = NEW.tenant_id AND entity = 'document_versions' AND record_id = NEW.id AND left_client_id IS NULL;
	INSERT INTO sync_changes (tenant_id, entity, record_id, client_id, left_client_id, changed_at) VALUES (NEW.tenant_id, 'document_versions', NEW.id, (SELECT client_id FROM documents WHERE id = NEW.document_id),
		CASE WHEN ((SELECT client_id FROM documents WHERE id = OLD.document_id)) IS NOT ((SELECT client_id FROM documents WHERE id = NEW.document_id)) THEN ((SELECT client_id FROM documents WHERE id = OLD.document_id)) END, NEW.updated_at);
END;
--> statement-breakpoint
CREATE TRIGGER `sync_document_versions_delete` AFTER DELETE ON `document_versions` BEGIN
	INSERT INTO sync_changes (tenant_id, entity, record_id, client_id, left_client_id, changed_at) VALUES (OLD.tenant_id, 'document_versions', OLD.id, (SELECT client_id FROM documents WHERE id = OLD.document_id), NULL, OLD.updated_at);
END;
--> statement-breakpoint
CREATE TRIGGER `sync_notifications_insert` AFTER INSERT ON `notifications` BEGIN
	INSERT INTO sync_changes (tenant_id, entity, record_id, client_id, left_client_id, changed_at, owner_user_id) VALUES (NEW.tenant_id, 'notifications', NEW.id, NULL, NULL, NEW.updated_at, NEW.user_id);
END;
--> statement-breakpoint
CREATE TRIGGER `sync_notifications_update` AFTER UPDATE ON `notifications` BEGIN
	DELETE FROM sync_changes WHERE tenant_id = NEW.tenant_id AND entity = 'notifications' AND record_id = NEW.id AND left_client_id IS NULL;
	INSERT INTO sync_changes (tenant_id, entity, record_id, client_id, left_client_id, changed_at, owner_user_id) VALUES (NEW.tenant_id, 'notifications', NEW.id, NULL,
		CASE WHEN (NULL) IS NOT (NULL) THEN (NULL) END, NEW.updated_at, NEW.user_id);
END;
--> statement-breakpoint
CREATE TRIGGER `sync_notifications_delete` AFTER DELETE ON `notifications` BEGIN
	INSERT INTO sync_changes (tenant_id, entity, record_id, client_id, left_client_id, changed_at, owner_user_id) VALUES (OLD.tenant_id, 'notifications', OLD.id, NULL, NULL, OLD.updated_at, OLD.user_id);
END;
--> statement-breakpoint
INSERT INTO sync_changes (tenant_id, entity, record_id, client_id, left_client_id, changed_at) SELECT t.tenant_id, 'message_threads', t.id, t.client_id, NULL, t.updated_at FROM `message_threads` t ORDER BY t.updated_at;
--> statement-breakpoint
INSERT INTO sync_changes (tenant_id, entity, record_id, client_id, left_client_id, changed_at) SELECT t.tenant_id, 'thread_messages', t.id, (SELECT client_id FROM message_threads WHERE id = t.thread_id), NULL, t.updated_at FROM `thread_messages` t ORDER BY t.updated_at;
--> statement-breakpoint
INSERT INTO sync_changes (tenant_id, entity, record_id, client_id, left_client_id, changed_at) SELECT t.tenant_id, 'document_folders', t.id, t.client_id, NULL, t.updated_at FROM `document_folders` t ORDER BY t.updated_at;
--> statement-breakpoint
INSERT INTO sync_changes (tenant_id, entity, record_id, client_id, left_client_id, changed_at) SELECT t.tenant_id, 'documents', t.id, t.client_id, NULL, t.updated_at FROM `documents` t ORDER BY t.updated_at;
--> statement-breakpoint
INSERT INTO sync_changes (tenant_id, entity, record_id, client_id, left_client_id, changed_at) SELECT t.tenant_id, 'document_versions', t.id, (SELECT client_id FROM documents WHERE id = t.document_id), NULL, t.updated_at FROM `document_versions` t ORDER BY t.updated_at;
--> statement-breakpoint
INSERT INTO sync_changes (tenant_id, entity, record_id, client_id, left_client_id, changed_at, owner_user_id) SELECT t.tenant_id, 'notifications', t.id, NULL, NULL, t.updated_at, t.user_id FROM `notifications` t ORDER BY t.updated_at;
