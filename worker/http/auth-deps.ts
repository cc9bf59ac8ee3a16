/** The auth services' dependencies for a request on a tenant host. */
import type { Context } from "hono";
import type { AppEnv } from "../env";
import { tenantScope } from "../lib/db";
import { tenantOf } from "../lib/host-guards";
import type { AuthDeps } from "../services/auth/auth-deps";

export function authDepsOf(c: Context<AppEnv>): AuthDeps {
	const tenant = tenantOf(c);
	return {
		scope: tenantScope(c.get("db"), tenant.id),
		gates: c.env.TENANT_GATE,
		jobs: c.env,
		live: c.env,
		outbound: c.env,
	};
}
