/** What every portal handler starts from: the tenant scope, the signed-in user and which clients they may see. */
import type { Context } from "hono";
import type { AppEnv, AuthContext } from "../env";
import { type TenantScope, tenantScope } from "../lib/db";
import { tenantOf } from "../lib/host-guards";
import { currentAuth } from "../middleware/require-permission";
import { type ClientAccess, clientAccessFor } from "../services/portal/client-access";

export type PortalRequest = { scope: TenantScope; auth: AuthContext; access: ClientAccess };

export async function portalRequest(c: Context<AppEnv>): Promise<PortalRequest> {
	const auth = currentAuth(c);
	const scope = tenantScope(c.get("db"), tenantOf(c).id);
	return { scope, auth, access: await clientAccessFor(scope, auth) };
}
