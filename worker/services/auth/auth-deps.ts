/**
 * What the sign-in services need: the tenant's data, its TenantGate, the jobs queue (email jobs
 * build their links on the agency's canonical address, so no request URL goes with them), its live channels (sessions a password change ends close their sockets),
 * and what the outbound-URL guard needs to reach identity providers (development or not).
 */
import type { TenantScope } from "../../lib/db";
import type { OutboundEnv } from "../../lib/outbound-url-guard";
import type { GateNamespace } from "../security/rate-limits";
import type { LiveChannels } from "../sessions/live-access";

export type AuthDeps = {
	scope: TenantScope;
	gates: GateNamespace;
	jobs: { JOBS: Queue };
	live: LiveChannels;
	outbound: OutboundEnv;
};
