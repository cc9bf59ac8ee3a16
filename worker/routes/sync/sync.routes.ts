/** Route declarations of offline sync: pull the change feed, push an outbox batch (docs/OFFLINE-SYNC.md). */
import { createRoute } from "@hono/zod-openapi";
import { SyncPage, SyncPushBody, SyncPushResult, SyncQuery } from "../../../schema/dto/sync";
import { jsonBody, jsonContent, problemContent, WRITE_ERRORS } from "../../http/openapi-responses";
import { requireAnyPermission } from "../../middleware/require-permission";

const tags = ["Sync"];
/** Anyone who can read some synced table; each table is then filtered by its own read permission. */
const canSync = requireAnyPermission("projects:read", "clients:read", "clients:own");

export const pull = createRoute({
	method: "get",
	path: "/api/v1/sync",
	tags,
	summary: "Every record you may see that changed or was deleted after the cursor (none: a full first fill), in pages",
	middleware: [canSync] as const,
	request: { query: SyncQuery },
	responses: {
		200: jsonContent(SyncPage, "One page of changes, oldest first"),
		401: problemContent("Not signed in"),
		403: problemContent("Your role cannot read any synced data"),
		422: problemContent("The cursor or limit is invalid"),
	},
});

export const push = createRoute({
	method: "post",
	path: "/api/v1/sync",
	tags,
	summary: "Apply a device's outbox: mutations in sequence order, each exactly once, with per-field conflict rules",
	middleware: [canSync] as const,
	request: { body: jsonBody(SyncPushBody) },
	responses: {
		200: jsonContent(SyncPushResult, "One result per mutation: applied, merged, conflict (with the server's record) or rejected"),
		...WRITE_ERRORS,
		401: problemContent("Not signed in"),
		403: problemContent("Your role cannot read any synced data"),
		409: problemContent("Another delivery of the same mutations is being applied (sync-in-progress); retry"),
		422: problemContent("A field is invalid, a sequence number is reused by another mutation or skips one; nothing was applied"),
	},
});
