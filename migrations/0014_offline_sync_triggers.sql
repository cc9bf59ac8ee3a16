CREATE TRIGGER `sync_clients_insert` AFTER INSERT ON `clients` BEGIN
	INSERT INTO sync_changes (tenant_id, entity, record_id, client_id, left_client_id, changed_at) VALUES (NEW.tenant_id, 'clients', NEW.id, NEW.id, NULL, NEW.updated_at);
END;
--> statement-breakpoint
CREATE TRIGGER `sync_clients_update` AFTER UPDATE ON `clients` BEGIN
	DELETE FROM sync_changes WHERE tenant_id = NEW.tenant_id AND entity = 'clients' AND record_id = NEW.id AND left_client_id IS NULL;
	INSERT INTO sync_changes (tenant_id, entity, record_id, client_id, left_client_id, changed_at) VALUES (NEW.tenant_id, 'clients', NEW.id, NEW.id,
		CASE WHEN (OLD.id) IS NOT (NEW.id) THEN (OLD.id) END, NEW.updated_at);
END;
--> statement-breakpoint
CREATE TRIGGER `sync_clients_delete` AFTER DELETE ON `clients` BEGIN
	INSERT INTO sync_changes (tenant_id, entity, record_id, client_id, left_client_id, changed_at) VALUES (OLD.tenant_id, 'clients', OLD.id, OLD.id, NULL, OLD.updated_at);
END;
--> statement-breakpoint
CREATE TRIGGER `sync_projects_insert` AFTER INSERT ON `projects` BEGIN
	INSERT INTO sync_changes (tenant_id, entity, record_id, client_id, left_client_id, changed_at) VALUES (NEW.tenant_id, 'projects', NEW.id, NEW.client_id, NULL, NEW.updated_at);
END;
--> statement-breakpoint
CREATE TRIGGER `sync_projects_update` AFTER UPDATE ON `projects` BEGIN
	DELETE FROM sync_changes WHERE tenant_id = NEW.tenant_id AND entity = 'projects' AND record_id = NEW.id AND left_client_id IS NULL;
	INSERT INTO sync_changes (tenant_id, entity, record_id, client_id, left_client_id, changed_at) VALUES (NEW.tenant_id, 'projects', NEW.id, NEW.client_id,
		CASE WHEN (OLD.client_id) IS NOT (NEW.client_id) THEN (OLD.client_id) END, NEW.updated_at);
END;
--> statement-breakpoint
CREATE TRIGGER `sync_projects_delete` AFTER DELETE ON `projects` BEGIN
	INSERT INTO sync_changes (tenant_id, entity, record_id, client_id, left_client_id, changed_at) VALUES (OLD.tenant_id, 'projects', OLD.id, OLD.client_id, NULL, OLD.updated_at);
END;
--> statement-breakpoint
CREATE TRIGGER `sync_milestones_insert` AFTER INSERT ON `milestones` BEGIN
	INSERT INTO sync_changes (tenant_id, entity, record_id, client_id, left_client_id, changed_at) VALUES (NEW.tenant_id, 'milestones', NEW.id, (SELECT client_id FROM projects WHERE id = NEW.project_id), NULL, NEW.updated_at);
END;
--> statement-breakpoint
CREATE TRIGGER `sync_milestones_update` AFTER UPDATE ON `milestones` BEGIN
	DELETE FROM sync_changes WHERE tenant_id = NEW.tenant_id AND entity = 'milestones' AND record_id = NEW.id AND left_client_id IS NULL;
	INSERT INTO sync_changes (tenant_id, entity, record_id, client_id, left_client_id, changed_at) VALUES (NEW.tenant_id, 'milestones', NEW.id, (SELECT client_id FROM projects WHERE id = NEW.project_id),
		CASE WHEN ((SELECT client_id FROM projects WHERE id = OLD.project_id)) IS NOT ((SELECT client_id FROM projects WHERE id = NEW.project_id)) THEN ((SELECT client_id FROM projects WHERE id = OLD.project_id)) END, NEW.updated_at);
END;
--> statement-breakpoint
CREATE TRIGGER `sync_milestones_delete` AFTER DELETE ON `milestones` BEGIN
	INSERT INTO sync_changes (tenant_id, entity, record_id, client_id, left_client_id, changed_at) VALUES (OLD.tenant_id, 'milestones', OLD.id, (SELECT client_id FROM projects WHERE id = OLD.project_id), NULL, OLD.updated_at);
END;
--> statement-breakpoint
CREATE TRIGGER `sync_tasks_insert` AFTER INSERT ON `tasks` BEGIN
	INSERT INTO sync_changes (tenant_id, entity, record_id, client_id, left_client_id, changed_at) VALUES (NEW.tenant_id, 'tasks', NEW.id, (SELECT client_id FROM projects WHERE id = NEW.project_id), NULL, NEW.updated_at);
END;
--> statement-breakpoint
CREATE TRIGGER `sync_tasks_update` AFTER UPDATE ON `tasks` BEGIN
	DELETE FROM sync_changes WHERE tenant_id = NEW.tenant_id AND entity = 'tasks' AND record_id = NEW.id AND left_client_id IS NULL;
	INSERT INTO sync_changes (tenant_id, entity, record_id, client_id, left_client_id, changed_at) VALUES (NEW.tenant_id, 'tasks', NEW.id, (SELECT client_id FROM projects WHERE id = NEW.project_id),
		CASE WHEN ((SELECT client_id FROM projects WHERE id = OLD.project_id)) IS NOT ((SELECT client_id FROM projects WHERE id = NEW.project_id)) THEN ((SELECT client_id FROM projects WHERE id = OLD.project_id)) END, NEW.updated_at);
END;
--> statement-breakpoint
CREATE TRIGGER `sync_tasks_delete` AFTER DELETE ON `tasks` BEGIN
	INSERT INTO sync_changes (tenant_id, entity, record_id, client_id, left_client_id, changed_at) VALUES (OLD.tenant_id, 'tasks', OLD.id, (SELECT client_id FROM projects WHERE id = OLD.project_id), NULL, OLD.updated_at);
END;
--> statement-breakpoint
CREATE TRIGGER `sync_deliverables_insert` AFTER INSERT ON `deliverables` BEGIN
	INSERT INTO sync_changes (tenant_id, entity, record_id, client_id, left_client_id, changed_at) VALUES (NEW.tenant_id, 'deliverables', NEW.id, (SELECT client_id FROM projects WHERE id = NEW.project_id), NULL, NEW.updated_at);
END;
--> statement-breakpoint
CREATE TRIGGER `sync_deliverables_update` AFTER UPDATE ON `deliverables` BEGIN
	DELETE FROM sync_changes WHERE tenant_id = NEW.tenant_id AND entity = 'deliverables' AND record_id = NEW.id AND left_client_id IS NULL;
	INSERT INTO sync_changes (tenant_id, entity, record_id, client_id, left_client_id, changed_at) VALUES (NEW.tenant_id, 'deliverables', NEW.id, (SELECT client_id FROM projects WHERE id = NEW.project_id),
		CASE WHEN ((SELECT client_id FROM projects WHERE id = OLD.project_id)) IS NOT ((SELECT client_id FROM projects WHERE id = NEW.project_id)) THEN ((SELECT client_id FROM projects WHERE id = OLD.project_id)) END, NEW.updated_at);
END;
--> statement-breakpoint
CREATE TRIGGER `sync_deliverables_delete` AFTER DELETE ON `deliverables` BEGIN
	INSERT INTO sync_changes (tenant_id, entity, record_id, client_id, left_client_id, changed_at) VALUES (OLD.tenant_id, 'deliverables', OLD.id, (SELECT client_id FROM projects WHERE id = OLD.project_id), NULL, OLD.updated_at);
END;
--> statement-breakpoint
CREATE TRIGGER `sync_deliverable_reviews_insert` AFTER INSERT ON `deliverable_reviews` BEGIN
	INSERT INTO sync_changes (tenant_id, entity, record_id, client_id, left_client_id, changed_at) VALUES (NEW.tenant_id, 'deliverable_reviews', NEW.id, (SELECT p.client_id FROM deliverables d JOIN projects p ON p.id = d.project_id WHERE d.id = NEW.deliverable_id), NULL, NEW.updated_at);
END;
--> statement-breakpoint
CREATE TRIGGER `sync_deliverable_reviews_update` AFTER UPDATE ON `deliverable_reviews` BEGIN
	DELETE FROM sync_changes WHERE tenant_id = NEW.tenant_id AND entity = 'deliverable_reviews' AND record_id = NEW.id AND left_client_id IS NULL;
	INSERT INTO sync_changes (tenant_id, entity, record_id, client_id, left_client_id, changed_at) VALUES (NEW.tenant_id, 'deliverable_reviews', NEW.id, (SELECT p.client_id FROM deliverables d JOIN projects p ON p.id = d.project_id WHERE d.id = NEW.deliverable_id),
		CASE WHEN ((SELECT p.client_id FROM deliverables d JOIN projects p ON p.id = d.project_id WHERE d.id = OLD.deliverable_id)) IS NOT ((SELECT p.client_id FROM deliverables d JOIN projects p ON p.id = d.project_id WHERE d.id = NEW.deliverable_id)) THEN ((SELECT p.client_id FROM deliverables d JOIN projects p ON p.id = d.project_id WHERE d.id = OLD.deliverable_id)) END, NEW.updated_at);
END;
--> statement-breakpoint
CREATE TRIGGER `sync_deliverable_reviews_delete` AFTER DELETE ON `deliverable_reviews` BEGIN
	INSERT INTO sync_changes (tenant_id, entity, record_id, client_id, left_client_id, changed_at) VALUES (OLD.tenant_id, 'deliverable_reviews', OLD.id, (SELECT p.client_id FROM deliverables d JOIN projects p ON p.id = d.project_id WHERE d.id = OLD.deliverable_id), NULL, OLD.updated_at);
END;
--> statement-breakpoint
CREATE TRIGGER `sync_projects_cascade` AFTER UPDATE OF client_id, deleted_at ON `projects`
	WHEN OLD.client_id IS NOT NEW.client_id OR OLD.deleted_at IS NOT NEW.deleted_at BEGIN
	INSERT INTO sync_changes (tenant_id, entity, record_id, client_id, left_client_id, changed_at) SELECT tenant_id, 'milestones', id, NEW.client_id, CASE WHEN OLD.client_id IS NOT NEW.client_id THEN OLD.client_id END, NEW.updated_at FROM milestones WHERE tenant_id = NEW.tenant_id AND project_id = NEW.id;
	INSERT INTO sync_changes (tenant_id, entity, record_id, client_id, left_client_id, changed_at) SELECT tenant_id, 'tasks', id, NEW.client_id, CASE WHEN OLD.client_id IS NOT NEW.client_id THEN OLD.client_id END, NEW.updated_at FROM tasks WHERE tenant_id = NEW.tenant_id AND project_id = NEW.id;
	INSERT INTO sync_changes (tenant_id, entity, record_id, client_id, left_client_id, changed_at) SELECT tenant_id, 'deliverables', id, NEW.client_id, CASE WHEN OLD.client_id IS NOT NEW.client_id THEN OLD.client_id END, NEW.updated_at FROM deliverables WHERE tenant_id = NEW.tenant_id AND project_id = NEW.id;
	INSERT INTO sync_changes (tenant_id, entity, record_id, client_id, left_client_id, changed_at) SELECT r.tenant_id, 'deliverable_reviews', r.id, NEW.client_id, CASE WHEN OLD.client_id IS NOT NEW.client_id THEN OLD.client_id END, NEW.updated_at
		FROM deliverable_reviews r JOIN deliverables d ON d.id = r.deliverable_id WHERE r.tenant_id = NEW.tenant_id AND d.project_id = NEW.id;
END;
--> statement-breakpoint
INSERT INTO sync_changes (tenant_id, entity, record_id, client_id, left_client_id, changed_at) SELECT t.tenant_id, 'clients', t.id, t.id, NULL, t.updated_at FROM `clients` t ORDER BY t.updated_at;
--> statement-breakpoint
INSERT INTO sync_changes (tenant_id, entity, record_id, client_id, left_client_id, changed_at) SELECT t.tenant_id, 'projects', t.id, t.client_id, NULL, t.updated_at FROM `projects` t ORDER BY t.updated_at;
--> statement-breakpoint
INSERT INTO sync_changes (tenant_id, entity, record_id, client_id, left_client_id, changed_at) SELECT t.tenant_id, 'milestones', t.id, (SELECT client_id FROM projects WHERE id = t.project_id), NULL, t.updated_at FROM `milestones` t ORDER BY t.updated_at;
--> statement-breakpoint
INSERT INTO sync_changes (tenant_id, entity, record_id, client_id, left_client_id, changed_at) SELECT t.tenant_id, 'tasks', t.id, (SELECT client_id FROM projects WHERE id = t.project_id), NULL, t.updated_at FROM `tasks` t ORDER BY t.updated_at;
--> statement-breakpoint
INSERT INTO sync_changes (tenant_id, entity, record_id, client_id, left_client_id, changed_at) SELECT t.tenant_id, 'deliverables', t.id, (SELECT client_id FROM projects WHERE id = t.project_id), NULL, t.updated_at FROM `deliverables` t ORDER BY t.updated_at;
--> statement-breakpoint
INSERT INTO sync_changes (tenant_id, entity, record_id, client_id, left_client_id, changed_at) SELECT t.tenant_id, 'deliverable_reviews', t.id, (SELECT p.client_id FROM deliverables d JOIN projects p ON p.id = d.project_id WHERE d.id = t.deliverable_id), NULL, t.updated_at FROM `deliverable_reviews` t ORDER BY t.updated_at;
