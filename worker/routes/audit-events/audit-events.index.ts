/** The audit log viewer router. */
import { createRouter } from "../../http/create-router";
import { requestOrigin } from "../../http/request-origin";
import { csvRow } from "../../lib/csv";
import { tenantScope } from "../../lib/db";
import { tenantOf } from "../../lib/host-guards";
import { currentAuth } from "../../middleware/require-permission";
import { actorOf, recordAudit } from "../../services/audit/audit-log";
import { allAuditEvents, listAuditEvents } from "../../services/audit/audit-viewer";
import * as routes from "./audit-events.routes";

export const MAX_EXPORT_ROWS = 100_000;

const HEADER = ["time", "action", "actor", "actor_user_id", "target_type", "target_id", "detail", "ip", "user_agent", "id"];

export const auditEventsRouter = createRouter()
	.openapi(routes.list, async (c) => {
		const { cursor, limit, ...filter } = c.req.valid("query");
		return c.json(await listAuditEvents(tenantScope(c.get("db"), tenantOf(c).id), filter, cursor, limit), 200);
	})
	.openapi(routes.exportCsv, async (c) => {
		const filter = c.req.valid("query");
		const tenant = tenantOf(c);
		const scope = tenantScope(c.get("db"), tenant.id);
		await recordAudit(scope, {
			action: "export.created",
			actor: actorOf(currentAuth(c)),
			target: { type: "audit_log", id: tenant.id },
			detail: {
				format: "csv",
				actor: filter.actor ?? null,
				action: filter.action ?? null,
				from: filter.from ?? null,
				to: filter.to ?? null,
			},
			...requestOrigin(c),
		});
		const encoder = new TextEncoder();
		const events = allAuditEvents(scope, filter, MAX_EXPORT_ROWS);
		const body = new ReadableStream<Uint8Array>({
			start(controller) {
				controller.enqueue(encoder.encode(csvRow(HEADER)));
			},
			async pull(controller) {
				const next = await events.next();
				if (next.done) return controller.close();
				const e = next.value;
				controller.enqueue(
					encoder.encode(
						csvRow([
							new Date(e.createdAt).toISOString(),
							e.action,
							e.actor.label,
							e.actor.userId,
							e.target?.type,
							e.target?.id,
							e.detail ? JSON.stringify(e.detail) : null,
							e.ip,
							e.userAgent,
							e.id,
						]),
					),
				);
			},
		});
		const day = new Date().toISOString().slice(0, 10);
		return c.body(body, 200, {
			"Content-Type": "text/csv; charset=utf-8",
			"Content-Disposition": `attachment; filename="audit-log-${tenant.slug}-${day}.csv"`,
			"Cache-Control": "no-store",
		});
	});
