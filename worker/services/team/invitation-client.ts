/**
 * The client an invitation names: only a client-role invitation may name one, and it must be a live
 * client of the agency, so accepting can link the person to it (invitation-accept.ts).
 */
import { eq, isNull } from "drizzle-orm";
import { clients } from "../../../schema/index";
import type { Role } from "../../../schema/permissions";
import type { TenantScope } from "../../lib/db";
import { problems } from "../../lib/problem";

/** 422 naming `clientId` unless it is null, or one of the agency's live clients on a client-role invitation. */
export async function assertInvitationClient(scope: TenantScope, role: Role, clientId: string | null): Promise<void> {
	if (clientId === null) return;
	if (role !== "client") throw problems.validation([{ path: "clientId", message: "is only for the client role" }]);
	const [client] = await scope.db
		.select({ id: clients.id })
		.from(clients)
		.where(scope.where(clients, eq(clients.id, clientId), isNull(clients.deletedAt)))
		.limit(1);
	if (!client) throw problems.validation([{ path: "clientId", message: "is not a client of this agency" }]);
}
