/**
 * Who sees which tickets: holders of `tickets:manage` (the agency) see every ticket of the tenant,
 * with staff-only notes; anyone else (a client person with `tickets:open`) sees only their own
 * client's tickets, never a note. A ticket outside one's access answers 404, not 403.
 */
import type { AuthContext } from "../../env";
import type { TenantScope } from "../../lib/db";
import { problems } from "../../lib/problem";
import { linkedClientId } from "../portal/client-access";

/** `userId`: the person acting (for an API key, the member who created it). */
export type TicketAccess = { kind: "agency"; userId: string } | { kind: "client"; userId: string; clientId: string | null };

export async function ticketAccessFor(scope: TenantScope, auth: AuthContext): Promise<TicketAccess> {
	if (auth.permissions.has("tickets:manage")) return { kind: "agency", userId: auth.user.id };
	return { kind: "client", userId: auth.user.id, clientId: await linkedClientId(scope, auth.user.id) };
}

export function assertSeesTicket(access: TicketAccess, ticket: { clientId: string }): void {
	if (access.kind === "client" && access.clientId !== ticket.clientId) throw problems.notFound("There is no ticket with this id.");
}
