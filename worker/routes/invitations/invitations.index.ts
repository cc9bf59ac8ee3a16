/** The invitations router. */
import type { Context } from "hono";
import type { AppEnv } from "../../env";
import { createRouter } from "../../http/create-router";
import { requestOrigin } from "../../http/request-origin";
import { setSessionCookie } from "../../http/session-cookie";
import { tenantScope } from "../../lib/db";
import { tenantOf } from "../../lib/host-guards";
import { currentAuth } from "../../middleware/require-permission";
import { acceptInvitation, previewInvitation } from "../../services/team/invitation-accept";
import {
	createInvitation,
	type InvitationDeps,
	listInvitations,
	resendInvitation,
	revokeInvitation,
} from "../../services/team/invitations";
import { meOf } from "../auth/auth.handlers";
import * as routes from "./invitations.routes";

function depsOf(c: Context<AppEnv>): InvitationDeps {
	return {
		scope: tenantScope(c.get("db"), tenantOf(c).id),
		actor: currentAuth(c),
		origin: requestOrigin(c),
		jobs: c.env,
	};
}

export const invitationsRouter = createRouter()
	.openapi(routes.create, async (c) => c.json(await createInvitation(depsOf(c), c.req.valid("json")), 201))
	.openapi(routes.list, async (c) =>
		c.json({ invitations: await listInvitations(tenantScope(c.get("db"), tenantOf(c).id), c.req.valid("query").status) }, 200),
	)
	.openapi(routes.resend, async (c) => c.json(await resendInvitation(depsOf(c), c.req.valid("param").id), 200))
	.openapi(routes.revoke, async (c) => {
		await revokeInvitation(depsOf(c), c.req.valid("param").id);
		return c.body(null, 204);
	})
	.openapi(routes.preview, async (c) =>
		c.json(await previewInvitation(tenantScope(c.get("db"), tenantOf(c).id), c.req.valid("param").token), 200),
	)
	.openapi(routes.accept, async (c) => {
		const tenant = tenantOf(c);
		const result = await acceptInvitation(
			{ scope: tenantScope(c.get("db"), tenant.id), gates: c.env.TENANT_GATE, auth: c.get("auth"), live: c.env },
			{ ...c.req.valid("json"), ...requestOrigin(c) },
		);
		if (result.session) setSessionCookie(c, result.session.token, result.session.expiresAt);
		return c.json(await meOf(c, result.auth), 200);
	});
