/**
 * The SSO settings as the settings screen sees them: the IdP without its secret, each domain's DNS
 * proof, who configured it, the owner's approval of privileged sign-ins, and whether the viewer
 * (an owner) may change anything.
 */
import type { SsoSettings } from "../../../schema/dto/sso";
import type { SsoConnection } from "../../../schema/index";
import type { AuthContext } from "../../env";
import type { TenantScope } from "../../lib/db";
import { findMemberById } from "../team/members";
import { mayManageOwners } from "../team/privileges";
import { ssoDomainStates } from "./sso-domains";
import { domainsOf } from "./sso-settings";

export async function ssoSettingsView(
	scope: TenantScope,
	connection: SsoConnection | null,
	planAllows: boolean,
	viewer: AuthContext,
): Promise<SsoSettings> {
	const domains = connection ? domainsOf(connection) : [];
	const configurer = connection?.configuredBy ? await findMemberById(scope, connection.configuredBy) : null;
	return {
		planAllows,
		configured: connection !== null,
		issuer: connection?.issuer ?? null,
		clientId: connection?.clientId ?? null,
		hasClientSecret: Boolean(connection?.clientSecret),
		domains,
		enabled: connection?.enabled ?? false,
		testedAt: connection?.testedAt ?? null,
		domainStates: await ssoDomainStates(scope, domains),
		configuredBy: connection?.configuredBy ? { id: connection.configuredBy, email: configurer?.email ?? null } : null,
		allowPrivilegedUsers: connection?.privilegedApprovedBy != null,
		canManage: mayManageOwners(viewer),
	};
}
