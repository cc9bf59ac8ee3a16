/**
 * Who must sign in through the agency's SSO. While SSO is on, the plan includes it and an address's
 * domain is verified, staff of that domain sign in only through the IdP. Clients are excepted (SSO
 * is for the agency's staff), and so are owners: their password or passkey is the break-glass way in
 * that no SSO setting can remove (an IdP outage, or a configuration nobody else can fix). Every
 * break-glass sign-in is audited `sso.break_glass_sign_in`, so other owners can see it.
 */
import type { Role } from "../../../schema/permissions";
import type { TenantScope } from "../../lib/db";
import { Problem } from "../../lib/problem";
import { recordAudit } from "../audit/audit-log";
import type { RequestOrigin } from "../sessions/sessions";
import { verifiedSsoDomains } from "./sso-domains";
import { ssoAllowedByPlan } from "./sso-plan";
import { domainsOf, emailDomain, ssoConnectionOf } from "./sso-settings";

/** `open`: sign in as usual; `sso-only`: only through the IdP; `break-glass`: an owner SSO covers, who may still use their own factors. */
export type SsoGate = "open" | "sso-only" | "break-glass";

/** Whether SSO enforcement covers `email`'s domain now: SSO on, the domain verified, the plan including SSO. */
export async function ssoEnforcedFor(scope: TenantScope, email: string): Promise<boolean> {
	const connection = await ssoConnectionOf(scope);
	if (!connection?.enabled) return false;
	if (!(await verifiedSsoDomains(scope, domainsOf(connection))).includes(emailDomain(email))) return false;
	// A plan without SSO (after a downgrade) offers no SSO sign-in, so it must not demand one either.
	return ssoAllowedByPlan(scope.db, scope.tenantId);
}

/** The gate for a member (or an unknown address: role null) signing in without SSO. */
export async function ssoGateFor(scope: TenantScope, email: string, role: Role | null): Promise<SsoGate> {
	if (role === "client") return "open";
	if (!(await ssoEnforcedFor(scope, email))) return "open";
	return role === "owner" ? "break-glass" : "sso-only";
}

/** The 403 that points at the SSO sign-in; the same for every address it covers. */
export function ssoRequiredProblem(email: string): Problem {
	return new Problem(
		403,
		"sso-required",
		"Sign in with single sign-on",
		`Accounts at ${emailDomain(email)} sign in through your organisation's single sign-on.`,
		{ extensions: { ssoUrl: "/api/v1/auth/sso/start" } },
	);
}

/** Refuses a non-SSO sign-in of an address only SSO may sign in (see ssoGateFor); answers the gate otherwise. */
export async function refuseIfSsoRequired(scope: TenantScope, email: string, role: Role | null): Promise<SsoGate> {
	const gate = await ssoGateFor(scope, email, role);
	if (gate === "sso-only") throw ssoRequiredProblem(email);
	return gate;
}

/** Audits an owner's sign-in past SSO enforcement with their own first factor (the second step, if any, still follows). */
export async function recordBreakGlassSignIn(
	scope: TenantScope,
	account: { id: string; email: string },
	detail: { method: "password" | "passkey"; secondStep: string | null },
	origin: RequestOrigin,
	now = Date.now(),
): Promise<void> {
	await recordAudit(
		scope,
		{
			action: "sso.break_glass_sign_in",
			actor: { userId: account.id, label: account.email },
			target: { type: "user", id: account.id },
			detail,
			...origin,
		},
		now,
	);
}
