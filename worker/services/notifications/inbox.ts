/** A person's own notifications: newest first with a cursor, the unread count, and marking read. */
import { and, count, desc, eq, inArray, isNull, lt, or, type SQL } from "drizzle-orm";
import type { NotificationDto } from "../../../schema/dto/notifications";
import { notifications } from "../../../schema/index";
import { chunked } from "../../lib/chunks";
import { decodeCursor, encodeCursor } from "../../lib/cursor";
import type { TenantScope } from "../../lib/db";

export async function unreadCount(scope: TenantScope, userId: string): Promise<number> {
	const [row] = await scope.db
		.select({ n: count() })
		.from(notifications)
		.where(scope.where(notifications, eq(notifications.userId, userId), isNull(notifications.readAt), isNull(notifications.deletedAt)));
	return row?.n ?? 0;
}

export async function listNotifications(
	scope: TenantScope,
	userId: string,
	query: { unread?: "true" | "false"; cursor?: string; limit: number },
): Promise<{ notifications: NotificationDto[]; nextCursor: string | null }> {
	const conditions: (SQL | undefined)[] = [eq(notifications.userId, userId), isNull(notifications.deletedAt)];
	if (query.unread === "true") conditions.push(isNull(notifications.readAt));
	if (query.cursor) {
		const cursor = decodeCursor(query.cursor);
		const at = Number(cursor.value);
		conditions.push(or(lt(notifications.createdAt, at), and(eq(notifications.createdAt, at), lt(notifications.id, cursor.id))));
	}
	const rows = await scope.db
		.select()
		.from(notifications)
		.where(scope.where(notifications, ...conditions))
		.orderBy(desc(notifications.createdAt), desc(notifications.id))
		.limit(query.limit + 1);
	const page = rows.slice(0, query.limit);
	const last = page.at(-1);
	return {
		notifications: page.map(({ id, event, title, body, url, createdAt, readAt }) => ({ id, event, title, body, url, createdAt, readAt })),
		nextCursor: rows.length > query.limit && last ? encodeCursor({ value: last.createdAt, id: last.id }) : null,
	};
}

/** Marks the person's own `ids` (or all) read; ids of anyone else are simply not matched. */
export async function markRead(
	scope: TenantScope,
	userId: string,
	target: { ids?: string[]; all?: true },
	now = Date.now(),
): Promise<void> {
	const mark = (which: SQL | undefined) =>
		scope.update(
			notifications,
			{ readAt: now, updatedAt: now },
			and(eq(notifications.userId, userId), isNull(notifications.readAt), which),
		);
	if (target.all) return void (await mark(undefined));
	// Up to 200 ids: more than D1 binds in one statement, so in chunks.
	for (const slice of chunked(target.ids ?? [])) await mark(inArray(notifications.id, slice));
}
