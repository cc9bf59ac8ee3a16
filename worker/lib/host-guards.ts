/** Guards for routes that belong to one kind of host: the platform (sign-up) or a tenant (everything else). */
import type { Context } from "hono";
import type { TenantSummary } from "../../schema/dto/auth";
import type { AppEnv } from "../env";
import { problems } from "./problem";

export function tenantOf(c: Context<AppEnv>): TenantSummary {
	const host = c.get("host");
	if (host.kind !== "tenant") throw problems.notFound("This is the platform address; use your agency's address.");
	return host.tenant;
}

export function requirePlatformHost(c: Context<AppEnv>): void {
	if (c.get("host").kind !== "platform") throw problems.notFound("Agencies sign up on the platform address.");
}
