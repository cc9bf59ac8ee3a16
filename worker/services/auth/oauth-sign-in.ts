/**
 * The end of a provider redirect: check it answers the flow this browser started (state, same
 * tenant, same provider, not expired), exchange the code with the PKCE verifier, and then either
 * sign the matching member in (through completeSignIn, or the MFA step when the account has one)
 * or link the identity to the signed-in user. Every refusal is a named reason, never a session.
 */
import { constantTimeEqual } from "@oslojs/crypto/subtle";
import type { OAuthProvider } from "../../../schema/index";
import type { OAuthFlow } from "../../lib/oauth-flow-cookie";
import { Problem } from "../../lib/problem";
import { linkIdentity, memberForIdentity, type OAuthRefusal } from "../oauth/oauth-accounts";
import { identityFromCode } from "../oauth/oauth-exchange";
import type { ProviderConfig } from "../oauth/oauth-providers";
import { IdentityRejected, type ProviderIdentity } from "../oauth/provider-identity";
import { type SecondFactorMethod, secondFactorsFor, securityPolicyOf } from "../security/security-policy";
import { recordSignIn } from "../security/sign-in-events";
import type { RequestOrigin } from "../sessions/sessions";
import { refuseIfSsoRequired } from "../sso/sso-enforcement";
import type { AuthDeps } from "./auth-deps";
import { completeSignIn, type SignInResult } from "./complete-sign-in";
import { createMfaChallenge } from "./mfa-challenge";

export type CallbackRefusal = OAuthRefusal | "invalid-state" | "provider-refused" | "not-signed-in" | "sso-required";

export type CallbackOutcome =
	| ({ kind: "session"; next: string } & SignInResult)
	| { kind: "mfa"; challenge: string; methods: SecondFactorMethod[] }
	| { kind: "linked"; provider: OAuthProvider }
	| { kind: "refused"; reason: CallbackRefusal; intent: OAuthFlow["intent"] };

export type CallbackInput = {
	flow: OAuthFlow | null;
	flowKind: string;
	query: { code?: string | undefined; state?: string | undefined; error?: string | undefined };
	redirectUri: string;
} & RequestOrigin;

function sameState(a: string, b: string): boolean {
	const enc = new TextEncoder();
	const x = enc.encode(a);
	const y = enc.encode(b);
	return x.length === y.length && constantTimeEqual(x, y);
}

/** Checks the redirect against the flow cookie; the flow when it matches, else null. */
export function matchingFlow(input: CallbackInput, tenantId: string): OAuthFlow | null {
	const { flow, query } = input;
	if (!flow || flow.tenantId !== tenantId || flow.kind !== input.flowKind) return null;
	if (!query.state || !sameState(query.state, flow.state)) return null;
	return flow;
}

/** Signs in (or asks for the second step) as the member a verified provider identity belongs to. */
export async function signInWithIdentity(
	deps: AuthDeps,
	provider: OAuthProvider,
	identity: ProviderIdentity,
	method: "oauth" | "sso",
	next: string,
	origin: RequestOrigin,
	now = Date.now(),
): Promise<CallbackOutcome> {
	const { scope } = deps;
	const found = await memberForIdentity(scope, provider, identity, origin, now);
	if ("refused" in found) {
		await recordSignIn(scope, { userId: null, email: identity.email, method, outcome: "invalid_credentials", ...origin }, now);
		return { kind: "refused", reason: found.refused, intent: "sign_in" };
	}
	const { account } = found;
	try {
		await refuseIfSsoRequired(scope, account.emailNormalized, account.role);
	} catch (error) {
		if (!(error instanceof Problem)) throw error;
		return { kind: "refused", reason: "sso-required", intent: "sign_in" };
	}
	const methods = secondFactorsFor(account, await securityPolicyOf(scope));
	if (methods.length > 0) {
		const challenge = await createMfaChallenge(scope, account.id, now);
		await recordSignIn(scope, { userId: account.id, email: account.emailNormalized, method, outcome: "mfa_required", ...origin }, now);
		return { kind: "mfa", challenge, methods };
	}
	return { kind: "session", next, ...(await completeSignIn(deps, account, method, origin, now)) };
}

export async function finishOAuth(
	deps: AuthDeps,
	config: ProviderConfig,
	input: CallbackInput,
	user: { id: string; email: string } | null,
	now = Date.now(),
): Promise<CallbackOutcome> {
	const origin = { ip: input.ip, userAgent: input.userAgent, place: input.place ?? null };
	const flow = matchingFlow(input, deps.scope.tenantId);
	const intent = input.flow?.intent ?? "sign_in";
	if (!flow) {
		await recordSignIn(deps.scope, { userId: null, email: null, method: "oauth", outcome: "invalid_token", ...origin }, now);
		return { kind: "refused", reason: "invalid-state", intent };
	}
	if (input.query.error || !input.query.code) return { kind: "refused", reason: "provider-refused", intent };
	let identity: ProviderIdentity;
	try {
		identity = await identityFromCode(config, input.redirectUri, input.query.code, flow.verifier, flow.nonce, deps.outbound);
	} catch (error) {
		if (!(error instanceof IdentityRejected)) throw error;
		await recordSignIn(deps.scope, { userId: null, email: null, method: "oauth", outcome: "invalid_token", ...origin }, now);
		return { kind: "refused", reason: "provider-refused", intent };
	}
	if (flow.intent === "link") {
		if (!user || user.id !== flow.userId) return { kind: "refused", reason: "not-signed-in", intent };
		const refused = await linkIdentity(deps.scope, user, config.provider, identity, origin, now);
		return refused ? { kind: "refused", reason: refused, intent } : { kind: "linked", provider: config.provider };
	}
	return signInWithIdentity(deps, config.provider, identity, "oauth", flow.next, origin, now);
}
