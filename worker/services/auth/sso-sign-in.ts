/**
 * The end of an SSO redirect: the flow must match (state, agency, and the exact settings version
 * it started with), the code is exchanged with the PKCE verifier, and the IdP's id_token verified
 * against its JWKS (issuer, audience, expiry, nonce). The address must be in the agency's SSO
 * domains. A test sign-in marks the settings tested; a real one needs the address's domain proven
 * by DNS, and signs the member in only if their role does not rank above the owner who configured
 * SSO (unless an owner approved it; refusals audited `sso.sign_in_refused`). When the id_token
 * does not assert multi-factor authentication, the same second step a password sign-in would ask
 * for (the account's TOTP or passkey, or the agency's MFA policy) comes before any session
 * (audited `sso.mfa_required`). The token endpoint and JWKS stored by discovery pass the outbound-URL
 * guard again at sign-in: one the guard refuses (say, edited in the database to a private address)
 * is never contacted, and the refusal is audited `sso.endpoint_refused`.
 */

import type { JWTPayload } from "jose";
import type { SsoConnection } from "../../../schema/index";
import type { OAuthFlow } from "../../lib/oauth-flow-cookie";
import { recordAudit } from "../audit/audit-log";
import { exchangeCode } from "../oauth/oauth-exchange";
import { EndpointRefused, IdentityRejected, verifyIdToken } from "../oauth/provider-identity";
import { type SecondFactorMethod, secondFactorsFor, securityPolicyOf } from "../security/security-policy";
import { recordSignIn } from "../security/sign-in-events";
import { ssoCeilingAllows } from "../sso/sso-ceiling";
import { verifiedSsoDomains } from "../sso/sso-domains";
import { idpAssertsMfa } from "../sso/sso-mfa";
import { domainsOf, emailDomain, markSsoTested } from "../sso/sso-settings";
import { findMemberByEmail } from "../team/members";
import type { AuthDeps } from "./auth-deps";
import { completeSignIn, type SignInResult } from "./complete-sign-in";
import { createMfaChallenge } from "./mfa-challenge";
import { type CallbackInput, matchingFlow } from "./oauth-sign-in";
import { normalizeEmail } from "./sign-up";

export type SsoRefusal =
	| "invalid-state"
	| "provider-refused"
	| "domain-not-allowed"
	| "domain-not-verified"
	| "role-not-allowed"
	| "no-account"
	| "not-signed-in"
	| "sso-off";

export type SsoOutcome =
	| ({ kind: "session"; next: string } & SignInResult)
	| { kind: "mfa"; challenge: string; methods: SecondFactorMethod[] }
	| { kind: "tested"; email: string }
	| { kind: "refused"; reason: SsoRefusal; intent: OAuthFlow["intent"] };

/** The flow kind of an SSO redirect: bound to the settings version, so a change mid-flight refuses it. */
export const ssoFlowKind = (connection: Pick<SsoConnection, "updatedAt">) => `sso:${connection.updatedAt}`;

export async function finishSso(
	deps: AuthDeps,
	connection: SsoConnection,
	input: Omit<CallbackInput, "flowKind">,
	user: { id: string; email: string } | null,
	now = Date.now(),
): Promise<SsoOutcome> {
	const origin = { ip: input.ip, userAgent: input.userAgent, place: input.place ?? null };
	const { scope } = deps;
	const flow = matchingFlow({ ...input, flowKind: ssoFlowKind(connection) }, scope.tenantId);
	const intent = input.flow?.intent ?? "sign_in";
	const fail = async (reason: SsoRefusal, email: string | null = null): Promise<SsoOutcome> => {
		if (intent === "sign_in")
			await recordSignIn(
				scope,
				{ userId: null, email, method: "sso", outcome: reason === "invalid-state" ? "invalid_token" : "invalid_credentials", ...origin },
				now,
			);
		return { kind: "refused", reason, intent };
	};
	if (!flow) return fail("invalid-state");
	if (input.query.error || !input.query.code) return fail("provider-refused");
	let email: string;
	let claims: JWTPayload;
	try {
		const tokens = await exchangeCode(connection, input.redirectUri, input.query.code, flow.verifier, deps.outbound);
		if (!tokens.idToken) throw new IdentityRejected("no id_token");
		claims = await verifyIdToken(tokens.idToken, {
			jwksUri: connection.jwksUri,
			audience: connection.clientId,
			nonce: flow.nonce,
			issuerMatches: (iss) => iss === connection.issuer,
			outbound: deps.outbound,
		});
		if (typeof claims.email !== "string" || claims.email_verified === false) throw new IdentityRejected("no usable email");
		email = normalizeEmail(claims.email);
	} catch (error) {
		if (error instanceof EndpointRefused) {
			await recordAudit(
				scope,
				{
					action: "sso.endpoint_refused",
					actor: { userId: null, label: "system" },
					target: { type: "sso_connection", id: scope.tenantId },
					detail: { endpoint: error.endpoint, reason: error.reason },
					...origin,
				},
				now,
			);
		}
		if (error instanceof IdentityRejected) return fail("provider-refused");
		throw error;
	}
	if (!domainsOf(connection).includes(emailDomain(email))) return fail("domain-not-allowed", email);
	if (flow.intent === "test") {
		if (!user || user.id !== flow.userId) return fail("not-signed-in", email);
		const marked = await markSsoTested(scope, user, connection.updatedAt, email, origin, now);
		return marked ? { kind: "tested", email } : fail("invalid-state", email);
	}
	if (!connection.enabled) return fail("sso-off", email);
	if (!(await verifiedSsoDomains(scope, domainsOf(connection))).includes(emailDomain(email))) return fail("domain-not-verified", email);
	const account = await findMemberByEmail(scope, email);
	if (!account) return fail("no-account", email);
	const actor = { userId: account.id, label: account.email };
	const ceiling = await ssoCeilingAllows(scope, connection, account);
	if (!ceiling.allowed) {
		await recordAudit(
			scope,
			{
				action: "sso.sign_in_refused",
				actor,
				target: { type: "user", id: account.id },
				detail: { reason: "role-above-configurer", role: account.role, configuredBy: ceiling.configuredBy },
				...origin,
			},
			now,
		);
		return fail("role-not-allowed", email);
	}
	if (!idpAssertsMfa(claims)) {
		const methods = secondFactorsFor(account, await securityPolicyOf(scope));
		if (methods.length > 0) {
			const challenge = await createMfaChallenge(scope, account.id, now);
			await Promise.all([
				recordSignIn(scope, { userId: account.id, email: account.emailNormalized, method: "sso", outcome: "mfa_required", ...origin }, now),
				recordAudit(
					scope,
					{
						action: "sso.mfa_required",
						actor,
						target: { type: "user", id: account.id },
						detail: { methods: methods.join(","), amr: Array.isArray(claims.amr) ? claims.amr.join(",") : null },
						...origin,
					},
					now,
				),
			]);
			return { kind: "mfa", challenge, methods };
		}
	}
	return { kind: "session", next: flow.next, ...(await completeSignIn(deps, account, "sso", origin, now)) };
}
