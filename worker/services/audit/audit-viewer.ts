/**
 * Reading the audit log: filtered pages newest first with an opaque cursor over (created_at, id),
 * and every matching row in order for the CSV export. Read-only: nothing here changes a row.
 */
import { and, desc, eq, gte, lt, or, type SQL } from "drizzle-orm";
import type { AuditEventPage, AuditEventView, AuditFilter } from "../../../schema/dto/audit-events";
import { auditEvents } from "../../../schema/index";
import type { TenantScope } from "../../lib/db";
import { problems } from "../../lib/problem";

type Cursor = { createdAt: number; id: string };

export function encodeCursor(cursor: Cursor): string {
	return btoa(`${cursor.createdAt}.${cursor.id}`).replaceAll("+", "-").replaceAll("/", "_").replace(/=+$/, "");
}

export function decodeCursor(text: string): Cursor {
	try {
		const [createdAt, id] = atob(text.replaceAll("-", "+").replaceAll("_", "/")).split(".");
		if (createdAt && id && /^\d{1,15}$/.test(createdAt) && /^[0-9a-f-]{36}$/.test(id)) return { createdAt: Number(createdAt), id };
	} catch {
		// Not base64: falls through to the same answer as any other bad cursor.
	}
	throw problems.validation([{ path: "cursor", message: "must be a cursor returned by this endpoint" }]);
}

function filterConditions(filter: AuditFilter): (SQL | undefined)[] {
	return [
		filter.actor ? or(eq(auditEvents.actorUserId, filter.actor), eq(auditEvents.actorLabel, filter.actor)) : undefined,
		filter.action ? eq(auditEvents.action, filter.action) : undefined,
		filter.from !== undefined ? gte(auditEvents.createdAt, filter.from) : undefined,
		filter.to !== undefined ? lt(auditEvents.createdAt, filter.to) : undefined,
	];
}

function after(cursor: Cursor | null): SQL | undefined {
	if (!cursor) return undefined;
	return or(lt(auditEvents.createdAt, cursor.createdAt), and(eq(auditEvents.createdAt, cursor.createdAt), lt(auditEvents.id, cursor.id)));
}

function parseDetail(json: string | null): AuditEventView["detail"] {
	if (json === null) return null;
	try {
		const value: unknown = JSON.parse(json);
		return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as AuditEventView["detail"]) : null;
	} catch {
		return null;
	}
}

function toView(row: typeof auditEvents.$inferSelect): AuditEventView {
	return {
		id: row.id,
		action: row.action,
		actor: { userId: row.actorUserId, label: row.actorLabel },
		target: row.targetType && row.targetId ? { type: row.targetType, id: row.targetId } : null,
		detail: parseDetail(row.detail),
		ip: row.ip,
		userAgent: row.userAgent,
		createdAt: row.createdAt,
	};
}

async function page(scope: TenantScope, filter: AuditFilter, cursor: Cursor | null, limit: number): Promise<AuditEventView[]> {
	const rows = await scope.db
		.select()
		.from(auditEvents)
		.where(scope.where(auditEvents, ...filterConditions(filter), after(cursor)))
		.orderBy(desc(auditEvents.createdAt), desc(auditEvents.id))
		.limit(limit);
	return rows.map(toView);
}

export async function listAuditEvents(
	scope: TenantScope,
	filter: AuditFilter,
	cursor: string | undefined,
	limit: number,
): Promise<AuditEventPage> {
	const rows = await page(scope, filter, cursor ? decodeCursor(cursor) : null, limit + 1);
	const events = rows.slice(0, limit);
	const last = events.at(-1);
	return { events, nextCursor: rows.length > limit && last ? encodeCursor(last) : null };
}

/** Every matching event, newest first, read in pages so memory stays flat however long the log. */
export async function* allAuditEvents(
	scope: TenantScope,
	filter: AuditFilter,
	maxRows: number,
	pageSize = 500,
): AsyncGenerator<AuditEventView> {
	let cursor: Cursor | null = null;
	let sent = 0;
	while (sent < maxRows) {
		const rows = await page(scope, filter, cursor, Math.min(pageSize, maxRows - sent));
		for (const row of rows) yield row;
		sent += rows.length;
		const last = rows.at(-1);
		if (!last || rows.length < pageSize) return;
		cursor = last;
	}
}
