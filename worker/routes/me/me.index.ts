/** The account router: the signed-in identity and its own security settings. */
import { secondFactorOf } from "../../../schema/dto/auth";
import { authDepsOf } from "../../http/auth-deps";
import { createRouter } from "../../http/create-router";
import { requestOrigin } from "../../http/request-origin";
import { tenantScope } from "../../lib/db";
import { tenantOf } from "../../lib/host-guards";
import { problems } from "../../lib/problem";
import { currentSession } from "../../middleware/require-permission";
import { recordAudit, userActor } from "../../services/audit/audit-log";
import { requestEmailChange, sendVerificationEmail } from "../../services/auth/email-verification";
import { changePassword } from "../../services/auth/passwords";
import { confirmTotp, disableTotp, mfaStatus, regenerateRecoveryCodes } from "../../services/mfa/account-mfa";
import { startTotpEnrolment } from "../../services/mfa/totp";
import { readAvatar, removeAvatar, storeAvatar, updateProfile } from "../../services/profile/profile";
import { listSignIns } from "../../services/security/sign-in-history";
import { listSessions, revokeOtherSessions, revokeSession } from "../../services/sessions/session-list";
import { meOf } from "../auth/auth.handlers";
import * as routes from "./me.routes";
import * as mfa from "./me-mfa.routes";
import * as profile from "./me-profile.routes";
import * as security from "./me-security.routes";

export const meRouter = createRouter()
	.openapi(routes.me, async (c) => c.json(await meOf(c, currentSession(c)), 200))
	.openapi(profile.updateProfile, async (c) => {
		const auth = currentSession(c);
		const scope = tenantScope(c.get("db"), tenantOf(c).id);
		const { name } = await updateProfile(scope, auth.user.id, c.req.valid("json"), { actor: userActor(auth.user), ...requestOrigin(c) });
		// The profile read with the session is from before the change: meOf reads it afresh.
		const { profile: _before, ...changed } = auth;
		return c.json(await meOf(c, { ...changed, user: { ...auth.user, name } }), 200);
	})
	.openapi(profile.uploadAvatar, async (c) => {
		if (c.req.header("Content-Type")?.split(";")[0]?.trim().toLowerCase() !== "image/png") throw problems.unsupportedMediaType();
		const auth = currentSession(c);
		const scope = tenantScope(c.get("db"), tenantOf(c).id);
		const bytes = new Uint8Array(await c.req.arrayBuffer());
		return c.json(await storeAvatar(c.env.FILES, scope, auth.user.id, bytes, { actor: userActor(auth.user), ...requestOrigin(c) }), 200);
	})
	.openapi(profile.removeAvatar, async (c) => {
		const auth = currentSession(c);
		const scope = tenantScope(c.get("db"), tenantOf(c).id);
		return c.json(await removeAvatar(c.env.FILES, scope, auth.user.id, { actor: userActor(auth.user), ...requestOrigin(c) }), 200);
	})
	.openapi(profile.readAvatar, async (c) => {
		const image = await readAvatar(c.env.FILES, tenantScope(c.get("db"), tenantOf(c).id), currentSession(c).user.id);
		if (!image) throw problems.notFound("You have no avatar.");
		// Private to the person: the browser may keep it, shared caches may not; `?v=` changes with the picture.
		return c.body(image.body, 200, { "Content-Type": "image/png", "Cache-Control": "private, max-age=31536000, immutable" });
	})
	.openapi(security.listSessions, async (c) => {
		const auth = currentSession(c);
		const scope = tenantScope(c.get("db"), tenantOf(c).id);
		return c.json({ sessions: await listSessions(scope, auth.user.id, auth.sessionId) }, 200);
	})
	.openapi(security.revokeSession, async (c) => {
		const auth = currentSession(c);
		const scope = tenantScope(c.get("db"), tenantOf(c).id);
		const { id } = c.req.valid("param");
		if (!(await revokeSession(scope, c.env, auth.user.id, id))) throw problems.notFound("No such session on your account.");
		await recordAudit(scope, {
			action: "auth.session_revoked",
			actor: userActor(auth.user),
			target: { type: "session", id },
			...requestOrigin(c),
		});
		return c.body(null, 204);
	})
	.openapi(security.revokeOtherSessions, async (c) => {
		const auth = currentSession(c);
		const scope = tenantScope(c.get("db"), tenantOf(c).id);
		const revoked = await revokeOtherSessions(scope, c.env, auth.user.id, auth.sessionId);
		await recordAudit(scope, {
			action: "auth.session_revoked",
			actor: userActor(auth.user),
			target: { type: "user", id: auth.user.id },
			detail: { scope: "others", revoked },
			...requestOrigin(c),
		});
		return c.json({ revoked }, 200);
	})
	.openapi(security.mySignIns, async (c) => {
		const { cursor, limit } = c.req.valid("query");
		const scope = tenantScope(c.get("db"), tenantOf(c).id);
		return c.json(await listSignIns(scope, { userId: currentSession(c).user.id, cursor, limit }), 200);
	})
	.openapi(security.changePassword, async (c) => {
		const revoked = await changePassword(authDepsOf(c), currentSession(c), { ...c.req.valid("json"), ...requestOrigin(c) });
		return c.json({ revoked }, 200);
	})
	.openapi(security.changeEmail, async (c) => {
		await requestEmailChange(authDepsOf(c), currentSession(c), c.req.valid("json"));
		return c.json({ message: "Open the link we sent to the new address to finish the change." }, 202);
	})
	.openapi(security.resendVerification, async (c) => {
		const auth = currentSession(c);
		if (auth.emailVerified) throw problems.conflict("email", "is already verified");
		await sendVerificationEmail(authDepsOf(c), auth.user.id);
		return c.json({ message: `A new link is on its way to ${auth.user.email}.` }, 202);
	})
	.openapi(mfa.status, async (c) => {
		return c.json(await mfaStatus(tenantScope(c.get("db"), tenantOf(c).id), currentSession(c).user.id), 200);
	})
	.openapi(mfa.enrol, async (c) => {
		const tenant = tenantOf(c);
		return c.json(await startTotpEnrolment(tenantScope(c.get("db"), tenant.id), currentSession(c).user, tenant.name), 200);
	})
	.openapi(mfa.confirm, async (c) => {
		const scope = tenantScope(c.get("db"), tenantOf(c).id);
		const recoveryCodes = await confirmTotp(scope, currentSession(c), c.req.valid("json").code, requestOrigin(c));
		return c.json({ recoveryCodes }, 200);
	})
	.openapi(mfa.disable, async (c) => {
		const factor = secondFactorOf(c.req.valid("json"));
		await disableTotp(tenantScope(c.get("db"), tenantOf(c).id), currentSession(c), factor, requestOrigin(c));
		return c.body(null, 204);
	})
	.openapi(mfa.regenerate, async (c) => {
		const scope = tenantScope(c.get("db"), tenantOf(c).id);
		const recoveryCodes = await regenerateRecoveryCodes(scope, currentSession(c), c.req.valid("json").code, requestOrigin(c));
		return c.json({ recoveryCodes }, 200);
	});
