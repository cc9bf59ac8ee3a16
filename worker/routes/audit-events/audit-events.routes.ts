/** Route declarations of the audit log viewer: a filtered, paginated list and a CSV export. Nothing edits or deletes events. */
import { createRoute, z } from "@hono/zod-openapi";
import { AuditEventPage, AuditEventsQuery, AuditExportQuery } from "../../../schema/dto/audit-events";
import { jsonContent, problemContent } from "../../http/openapi-responses";
import { requirePermission } from "../../middleware/require-permission";

const tags = ["Audit log"];
const errors = {
	401: problemContent("Not signed in"),
	403: problemContent("Your role cannot read the audit log"),
	404: problemContent("No agency is served at this address"),
	422: problemContent("A filter is invalid; `errors` names it"),
};

export const list = createRoute({
	method: "get",
	path: "/api/v1/audit-events",
	tags,
	summary: "Audit events newest first, filtered by actor, action and time, cursor-paginated",
	middleware: [requirePermission("audit:read")] as const,
	request: { query: AuditEventsQuery },
	responses: { 200: jsonContent(AuditEventPage, "One page of events"), ...errors },
});

export const exportCsv = createRoute({
	method: "get",
	path: "/api/v1/audit-events.csv",
	tags,
	summary: "Every matching audit event as CSV (streamed, newest first, at most 100,000 rows); the export is itself audited",
	middleware: [requirePermission("audit:read")] as const,
	request: { query: AuditExportQuery },
	responses: {
		200: {
			content: { "text/csv": { schema: z.string() } },
			description: "CSV with a header row; cells that could run as formulas are prefixed with '",
		},
		...errors,
	},
});
