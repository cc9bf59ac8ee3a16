/**
 * The client limit's side of the portal: how live clients are counted for the shared entitlements
 * helper, and the one gate in front of adding a client (creating one, or restoring an archived one).
 */
import { count, isNull, ne } from "drizzle-orm";
import { clients } from "../../../schema/index";
import type { TenantScope } from "../../lib/db";
import { assertWithinLimit, registerUsageCounter } from "../billing/entitlements";

/** Clients that take a place on the plan: not archived, not deleted. */
async function countLiveClients(scope: TenantScope): Promise<number> {
	const [row] = await scope.db
		.select({ n: count() })
		.from(clients)
		.where(scope.where(clients, isNull(clients.deletedAt), ne(clients.status, "archived")));
	return row?.n ?? 0;
}

registerUsageCounter("clients", countLiveClients);

/** 403 `plan-limit-reached` naming `clients` when the plan's limit is reached; 402 while access is reduced. */
export function assertCanAddClient(scope: TenantScope): Promise<void> {
	return assertWithinLimit(scope, "clients", 1);
}
