/**
 * What the sign-in services need: the tenant's data, its TenantGate, the jobs queue, the tenant's
 * address for emailed links, and its live channels (sessions a password change ends close their sockets).
 */
import type { TenantScope } from "../../lib/db";
import type { LiveChannels } from "../live-access";
import type { GateNamespace } from "../rate-limits";

export type AuthDeps = { scope: TenantScope; gates: GateNamespace; jobs: { JOBS: Queue }; baseUrl: string; live: LiveChannels };
