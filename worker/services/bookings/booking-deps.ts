/** What booking needs besides the tenant: the queue its emails go out through, and who acts (for the audit log). */
import type { TenantScope } from "../../lib/db";
import type { AuditActor } from "../audit/audit-log";

export type BookingDeps = { scope: TenantScope; env: { JOBS: Queue }; actor?: AuditActor };
