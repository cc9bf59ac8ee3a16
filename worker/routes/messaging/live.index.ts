/**
 * The live messaging router. A socket upgrade is authenticated like any request (session cookie,
 * `messages:read`, and for a thread the same access rule as REST: another client's or another
 * agency's thread is 404), checked for a same-site Origin, and handed to the tenant's MessagingHub
 * with who the socket is, including the session that opened it: the socket lives only as long as
 * that session and the person's access (see the hub and worker/services/sessions/live-access.ts).
 */
import type { Context } from "hono";
import type { AppEnv } from "../../env";
import { createRouter } from "../../http/create-router";
import { portalRequest } from "../../http/portal-request";
import { Problem } from "../../lib/problem";
import { currentSession } from "../../middleware/require-permission";
import { SOCKET_IDENTITY_HEADER, type SocketIdentity } from "../../services/messaging/live";
import { getVisibleThread, unreadSummary } from "../../services/messaging/threads";
import { securityPolicyOf } from "../../services/security/security-policy";
import * as routes from "./live.routes";

async function openSocket(c: Context<AppEnv>, threadId: string | null): Promise<Response> {
	if (c.req.header("Upgrade")?.toLowerCase() !== "websocket") {
		throw new Problem(426, "upgrade-required", "WebSocket upgrade required", "Open this address with a WebSocket.", {
			headers: { Upgrade: "websocket" },
		});
	}
	// Browsers always send Origin on a WebSocket handshake: refuse other sites (cross-site WebSocket hijacking).
	const origin = c.req.header("Origin");
	if (origin !== undefined && origin !== new URL(c.req.url).origin) {
		throw new Problem(403, "cross-origin", "Cross-site request refused", `Sockets from ${origin} are not accepted here.`);
	}
	const session = currentSession(c);
	const { scope, access } = await portalRequest(c);
	if (threadId) await getVisibleThread(scope, access, threadId);
	// The account policy's read-only mode for unconfirmed emails applies to socket posts as to REST writes.
	const readOnly = !session.emailVerified && (await securityPolicyOf(scope)).unverifiedAccess === "read_only";
	const identity: SocketIdentity = {
		tenantId: scope.tenantId,
		sessionId: session.sessionId,
		userId: session.user.id,
		name: session.user.name,
		access,
		canWrite: session.permissions.has("messages:write") && !readOnly,
		threadId,
	};
	const headers = new Headers({ Upgrade: "websocket", [SOCKET_IDENTITY_HEADER]: JSON.stringify(identity) });
	const response = await c.env.MESSAGING_HUB.getByName(scope.tenantId).fetch(new Request(c.req.url, { headers }));
	// The hub checks the session again from D1 and may refuse (problem+json); its 101 carries the socket.
	// Either way a fresh Response (the hub's headers are immutable) lets the middleware add its headers.
	if (response.status !== 101) return new Response(response.body, { status: response.status, headers: new Headers(response.headers) });
	return new Response(null, { status: response.status, webSocket: response.webSocket });
}

export const liveRouter = createRouter()
	.openapi(routes.threadSocket, (c) => openSocket(c, c.req.valid("param").id))
	.openapi(routes.navigationSocket, (c) => openSocket(c, null))
	.openapi(routes.unread, async (c) => {
		const { scope, access } = await portalRequest(c);
		return c.json(await unreadSummary(scope, access), 200);
	});
