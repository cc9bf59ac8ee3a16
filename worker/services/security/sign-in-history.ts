/** Reading the sign-in record: one user's own history, or the whole tenant's for auditors; newest first, cursor-paginated by id (UUIDv7 sorts by time). */
import { desc, eq, lt, type SQL } from "drizzle-orm";
import type { SignInPage } from "../../../schema/dto/account-security";
import { signInEvents } from "../../../schema/index";
import type { SIGN_IN_OUTCOMES } from "../../../schema/tables/sign-in-events";
import type { TenantScope } from "../../lib/db";
import { deviceView } from "../sessions/session-list";

export type SignInFilter = { userId?: string; outcome?: (typeof SIGN_IN_OUTCOMES)[number]; cursor?: string; limit: number };

export async function listSignIns(scope: TenantScope, filter: SignInFilter): Promise<SignInPage> {
	const conditions: (SQL | undefined)[] = [
		filter.userId ? eq(signInEvents.userId, filter.userId) : undefined,
		filter.outcome ? eq(signInEvents.outcome, filter.outcome) : undefined,
		filter.cursor ? lt(signInEvents.id, filter.cursor) : undefined,
	];
	const rows = await scope.db
		.select()
		.from(signInEvents)
		.where(scope.where(signInEvents, ...conditions))
		.orderBy(desc(signInEvents.id))
		.limit(filter.limit + 1);
	const page = rows.slice(0, filter.limit);
	return {
		events: page.map((row) => ({
			id: row.id,
			userId: row.userId,
			email: row.email,
			method: row.method,
			outcome: row.outcome,
			ip: row.ip,
			place: row.place,
			device: deviceView(row.userAgent),
			createdAt: row.createdAt,
		})),
		nextCursor: rows.length > filter.limit ? (page.at(-1)?.id ?? null) : null,
	};
}
