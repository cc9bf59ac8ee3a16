/**
 * Documents of a client (optionally of one of its projects): folders, documents, every kept version
 * (each an R2 object), uploads in progress (R2 multipart, with the parts received so far, so an
 * upload resumes after a dropped connection) and share links. Rows a device syncs carry the synced
 * columns (`updated_at`, `deleted_at`).
 */
import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { clients } from "./clients";
import { projects } from "./projects";
import { syncedColumns } from "./synced-columns";
import { tenants } from "./tenants";
import { users } from "./users";

export const documentFolders = sqliteTable(
	"document_folders",
	{
		...syncedColumns(),
		clientId: text("client_id")
			.notNull()
			.references(() => clients.id, { onDelete: "cascade" }),
		/** null: a top-level folder. */
		parentId: text("parent_id"),
		name: text("name").notNull(),
	},
	(t) => [
		index("document_folders_tenant_updated_idx").on(t.tenantId, t.updatedAt),
		index("document_folders_tenant_client_idx").on(t.tenantId, t.clientId),
	],
);

export const documents = sqliteTable(
	"documents",
	{
		...syncedColumns(),
		clientId: text("client_id")
			.notNull()
			.references(() => clients.id, { onDelete: "cascade" }),
		projectId: text("project_id").references(() => projects.id, { onDelete: "set null" }),
		/** null: at the top of the client's documents. */
		folderId: text("folder_id").references(() => documentFolders.id, { onDelete: "set null" }),
		name: text("name").notNull(),
		currentVersionId: text("current_version_id").notNull(),
		/** The number of the newest version (versions are numbered 1, 2, … per document). */
		versionCount: integer("version_count").notNull().default(1),
	},
	(t) => [
		index("documents_tenant_updated_idx").on(t.tenantId, t.updatedAt),
		index("documents_tenant_client_folder_idx").on(t.tenantId, t.clientId, t.folderId),
	],
);

export const documentVersions = sqliteTable(
	"document_versions",
	{
		...syncedColumns(),
		documentId: text("document_id")
			.notNull()
			.references(() => documents.id, { onDelete: "cascade" }),
		number: integer("number").notNull(),
		objectKey: text("object_key").notNull(),
		size: integer("size").notNull(),
		contentType: text("content_type").notNull(),
		uploadedBy: text("uploaded_by").references(() => users.id, { onDelete: "set null" }),
		/** The version this one restored (a restore is a new version with the old one's bytes). */
		restoredFrom: text("restored_from"),
	},
	(t) => [
		index("document_versions_tenant_updated_idx").on(t.tenantId, t.updatedAt),
		uniqueIndex("document_versions_document_number_idx").on(t.tenantId, t.documentId, t.number),
	],
);

/** An upload in progress or finished: one-request uploads and R2 multipart uploads alike. Its id becomes the version id. */
export const documentUploads = sqliteTable(
	"document_uploads",
	{
		id: text("id").primaryKey(),
		tenantId: text("tenant_id")
			.notNull()
			.references(() => tenants.id, { onDelete: "cascade" }),
		clientId: text("client_id")
			.notNull()
			.references(() => clients.id, { onDelete: "cascade" }),
		projectId: text("project_id"),
		folderId: text("folder_id"),
		name: text("name").notNull(),
		contentType: text("content_type").notNull(),
		size: integer("size").notNull(),
		partSize: integer("part_size").notNull(),
		objectKey: text("object_key").notNull(),
		/** R2's multipart upload id (null for a one-request upload). */
		multipartUploadId: text("multipart_upload_id"),
		status: text("status", { enum: ["pending", "completed", "aborted"] })
			.notNull()
			.default("pending"),
		/** The document the completed upload became a version of. */
		documentId: text("document_id"),
		createdBy: text("created_by").references(() => users.id, { onDelete: "set null" }),
		createdAt: integer("created_at").notNull(),
		updatedAt: integer("updated_at").notNull(),
	},
	(t) => [index("document_uploads_tenant_status_idx").on(t.tenantId, t.status, t.createdAt)],
);

/** The parts R2 holds for a multipart upload: what a resuming client asks for. A re-sent part replaces its row. */
export const documentUploadParts = sqliteTable(
	"document_upload_parts",
	{
		tenantId: text("tenant_id")
			.notNull()
			.references(() => tenants.id, { onDelete: "cascade" }),
		uploadId: text("upload_id")
			.notNull()
			.references(() => documentUploads.id, { onDelete: "cascade" }),
		partNumber: integer("part_number").notNull(),
		etag: text("etag").notNull(),
		size: integer("size").notNull(),
	},
	(t) => [uniqueIndex("document_upload_parts_upload_part_idx").on(t.tenantId, t.uploadId, t.partNumber)],
);

/** A signed, expiring link to one document's current version, optionally behind a password. */
export const documentShares = sqliteTable(
	"document_shares",
	{
		id: text("id").primaryKey(),
		tenantId: text("tenant_id")
			.notNull()
			.references(() => tenants.id, { onDelete: "cascade" }),
		documentId: text("document_id")
			.notNull()
			.references(() => documents.id, { onDelete: "cascade" }),
		expiresAt: integer("expires_at").notNull(),
		/** Argon2id hash of the password, or null when none is asked. */
		passwordHash: text("password_hash"),
		downloadCount: integer("download_count").notNull().default(0),
		revokedAt: integer("revoked_at"),
		createdBy: text("created_by").references(() => users.id, { onDelete: "set null" }),
		createdAt: integer("created_at").notNull(),
	},
	(t) => [index("document_shares_tenant_document_idx").on(t.tenantId, t.documentId)],
);

export type DocumentRow = typeof documents.$inferSelect;
export type DocumentVersionRow = typeof documentVersions.$inferSelect;
export type DocumentFolderRow = typeof documentFolders.$inferSelect;
export type DocumentUploadRow = typeof documentUploads.$inferSelect;
export type DocumentShareRow = typeof documentShares.$inferSelect;
