/** The router of a client's people as the agency manages them: each request first finds the client among those its user may see. */
import type { Context } from "hono";
import type { AppEnv } from "../../env";
import { createRouter } from "../../http/create-router";
import { portalRequest } from "../../http/portal-request";
import { requestOrigin } from "../../http/request-origin";
import { linkCandidates } from "../../services/portal/client-people";
import { getClient } from "../../services/portal/clients";
import {
	inviteClientPerson,
	listClientInvitations,
	resendClientInvitation,
	revokeClientInvitation,
} from "../../services/team/client-invitations";
import type { InvitationDeps } from "../../services/team/invitations";
import * as routes from "./client-people.routes";

/** The client named in the path (404 unless the user may see it) and the invitation services' deps. */
async function clientRequest(c: Context<AppEnv>, id: string): Promise<{ clientId: string; deps: InvitationDeps }> {
	const { scope, access, auth } = await portalRequest(c);
	const client = await getClient(scope, access, id);
	return { clientId: client.id, deps: { scope, actor: auth, origin: requestOrigin(c), jobs: c.env } };
}

export const clientPeopleRouter = createRouter()
	.openapi(routes.listInvitations, async (c) => {
		const { clientId, deps } = await clientRequest(c, c.req.valid("param").id);
		return c.json({ invitations: await listClientInvitations(deps.scope, clientId) }, 200);
	})
	.openapi(routes.invite, async (c) => {
		const { clientId, deps } = await clientRequest(c, c.req.valid("param").id);
		return c.json(await inviteClientPerson(deps, clientId, c.req.valid("json")), 201);
	})
	.openapi(routes.resend, async (c) => {
		const { id, invitationId } = c.req.valid("param");
		const { clientId, deps } = await clientRequest(c, id);
		return c.json(await resendClientInvitation(deps, clientId, invitationId), 200);
	})
	.openapi(routes.revoke, async (c) => {
		const { id, invitationId } = c.req.valid("param");
		const { clientId, deps } = await clientRequest(c, id);
		await revokeClientInvitation(deps, clientId, invitationId);
		return c.body(null, 204);
	})
	.openapi(routes.candidates, async (c) => {
		const { deps } = await clientRequest(c, c.req.valid("param").id);
		return c.json({ candidates: await linkCandidates(deps.scope) }, 200);
	});
