/** The passkeys router: managing the account's passkeys, and passkey sign-in as first or second factor. */
import { RATE_RULES } from "../../../schema/rate-limits";
import { authDepsOf } from "../../http/auth-deps";
import { createRouter } from "../../http/create-router";
import { requestOrigin } from "../../http/request-origin";
import { setSessionCookie } from "../../http/session-cookie";
import { tenantScope } from "../../lib/db";
import { tenantOf } from "../../lib/host-guards";
import { Problem, problems } from "../../lib/problem";
import { relyingPartyOf } from "../../lib/relying-party";
import { currentSession } from "../../middleware/require-permission";
import { peekChallenge } from "../../services/auth/mfa-challenge";
import { completeMfaSignIn } from "../../services/auth/mfa-sign-in";
import { signInWithPasskey } from "../../services/auth/passkey-sign-in";
import { TOO_MANY_ATTEMPTS } from "../../services/auth/sign-in";
import { passkeyAuthenticationOptions } from "../../services/passkeys/passkey-assertion";
import { listPasskeys, removePasskey, renamePasskey } from "../../services/passkeys/passkey-list";
import { addPasskey, passkeyRegistrationOptions } from "../../services/passkeys/passkey-registration";
import { retryAfterSeconds, takeTokens } from "../../services/security/rate-limits";
import { meOf } from "../auth/auth.handlers";
import * as routes from "./passkeys.routes";

const scopeOf = (c: Parameters<typeof tenantOf>[0]) => tenantScope(c.get("db"), tenantOf(c).id);

export const passkeysRouter = createRouter()
	.openapi(routes.registrationOptions, async (c) => {
		const options = await passkeyRegistrationOptions(scopeOf(c), relyingPartyOf(c), currentSession(c).user);
		return c.json({ options }, 200);
	})
	.openapi(routes.add, async (c) => {
		const passkey = await addPasskey(scopeOf(c), relyingPartyOf(c), currentSession(c).user, c.req.valid("json"), requestOrigin(c));
		return c.json(passkey, 201);
	})
	.openapi(routes.list, async (c) => c.json({ passkeys: await listPasskeys(scopeOf(c), currentSession(c).user.id) }, 200))
	.openapi(routes.rename, async (c) => {
		const { id } = c.req.valid("param");
		return c.json(await renamePasskey(scopeOf(c), currentSession(c), id, c.req.valid("json").name, requestOrigin(c)), 200);
	})
	.openapi(routes.remove, async (c) => {
		await removePasskey(scopeOf(c), currentSession(c), c.req.valid("param").id, requestOrigin(c));
		return c.body(null, 204);
	})
	.openapi(routes.signInOptions, async (c) => {
		const scope = scopeOf(c);
		const { ip } = requestOrigin(c);
		const limit = await takeTokens(c.env.TENANT_GATE, scope.tenantId, [
			{ key: `sign-in:ip:${ip ?? "unknown"}`, rule: RATE_RULES.signInPerIp },
		]);
		if (!limit.allowed) throw problems.rateLimited(retryAfterSeconds(limit), TOO_MANY_ATTEMPTS);
		return c.json({ options: await passkeyAuthenticationOptions(scope, relyingPartyOf(c), "sign_in", null) }, 200);
	})
	.openapi(routes.signIn, async (c) => {
		const { credential } = c.req.valid("json");
		const { session, auth } = await signInWithPasskey(authDepsOf(c), relyingPartyOf(c), { credential, ...requestOrigin(c) });
		setSessionCookie(c, session.token, session.expiresAt);
		return c.json(await meOf(c, auth), 200);
	})
	.openapi(routes.mfaOptions, async (c) => {
		const scope = scopeOf(c);
		const live = await peekChallenge(scope, c.req.valid("json").challenge);
		if (!live) {
			throw new Problem(401, "invalid-challenge", "This sign-in has expired", "Start again with your email and password.", {
				errors: [{ path: "challenge", message: "is expired, used or unknown" }],
			});
		}
		return c.json({ options: await passkeyAuthenticationOptions(scope, relyingPartyOf(c), "second_factor", live.userId) }, 200);
	})
	.openapi(routes.mfa, async (c) => {
		const { challenge, credential } = c.req.valid("json");
		const { session, auth } = await completeMfaSignIn(authDepsOf(c), {
			challenge,
			passkey: { credential, rp: relyingPartyOf(c) },
			...requestOrigin(c),
		});
		setSessionCookie(c, session.token, session.expiresAt);
		return c.json(await meOf(c, auth), 200);
	});
