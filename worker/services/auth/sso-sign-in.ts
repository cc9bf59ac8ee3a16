/**
 * The end of an SSO redirect: the flow must match (state, agency, and the exact settings version
 * it started with), the code is exchanged with the PKCE verifier, and the IdP's id_token verified
 * against its JWKS (issuer, audience, expiry, nonce). The address must be in the agency's SSO
 * domains. A test sign-in marks the settings tested; a real one signs the member in. The IdP is
 * the second factor's owner here: SSO sign-ins do not add Atrium's TOTP step.
 */
import type { SsoConnection } from "../../../schema/index";
import type { OAuthFlow } from "../../lib/oauth-flow-cookie";
import { findMemberByEmail } from "../members";
import { exchangeCode } from "../oauth/oauth-exchange";
import { IdentityRejected, verifyIdToken } from "../oauth/provider-identity";
import { recordSignIn } from "../sign-in-events";
import { domainsOf, emailDomain, markSsoTested } from "../sso/sso-settings";
import type { AuthDeps } from "./auth-deps";
import { completeSignIn, type SignInResult } from "./complete-sign-in";
import { type CallbackInput, matchingFlow } from "./oauth-sign-in";
import { normalizeEmail } from "./sign-up";

export type SsoRefusal = "invalid-state" | "provider-refused" | "domain-not-allowed" | "no-account" | "not-signed-in" | "sso-off";

export type SsoOutcome =
	| ({ kind: "session"; next: string } & SignInResult)
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
	try {
		const tokens = await exchangeCode(connection, input.redirectUri, input.query.code, flow.verifier);
		if (!tokens.idToken) throw new IdentityRejected("no id_token");
		const claims = await verifyIdToken(tokens.idToken, {
			jwksUri: connection.jwksUri,
			audience: connection.clientId,
			nonce: flow.nonce,
			issuerMatches: (iss) => iss === connection.issuer,
		});
		if (typeof claims.email !== "string" || claims.email_verified === false) throw new IdentityRejected("no usable email");
		email = normalizeEmail(claims.email);
	} catch (error) {
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
	const account = await findMemberByEmail(scope, email);
	if (!account) return fail("no-account", email);
	return { kind: "session", next: flow.next, ...(await completeSignIn(deps, account, "sso", origin, now)) };
}
