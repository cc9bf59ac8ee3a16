/** What the sign-in services need: the tenant's data, its TenantGate, the jobs queue and the tenant's address for emailed links. */
import type { TenantScope } from "../../lib/db";
import type { GateNamespace } from "../rate-limits";

export type AuthDeps = { scope: TenantScope; gates: GateNamespace; jobs: { JOBS: Queue }; baseUrl: string };
