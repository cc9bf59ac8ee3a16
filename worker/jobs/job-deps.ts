/** What job handlers get to work with, built once per batch from the Worker's bindings. */
import type { Bindings, Database } from "../env";
import { createDb } from "../lib/db";
import { type EmailTransport, transportFor } from "../lib/email/transport";
import { createLogger, type Logger } from "../lib/logger";

export type JobDeps = {
	db: Database;
	email: EmailTransport;
	emailFrom: string;
	log: Logger;
	/** For jobs that touch TenantGate (credit grants) or enqueue further jobs. */
	env: Pick<Bindings, "TENANT_GATE" | "JOBS" | "ENVIRONMENT" | "STRIPE_SECRET_KEY" | "STRIPE_API_BASE" | "STRIPE_WEBHOOK_SECRET">;
};

export function jobDeps(env: Bindings, log = createLogger({ component: "jobs" })): JobDeps {
	return { db: createDb(env.DB), email: transportFor(env), emailFrom: env.EMAIL_FROM, log, env };
}
