/** What job handlers get to work with, built once per batch from the Worker's bindings. */
import type { Bindings, Database } from "../env";
import { createDb } from "../lib/db";
import { type EmailTransport, transportFor } from "../lib/email/transport";
import { tenantBaseUrl } from "../lib/hosts";
import { createLogger, type Logger } from "../lib/logger";

/** `tenantUrl(slug)`: a tenant's address for links in email sent without a request (cron work). */
export type JobDeps = {
	db: Database;
	email: EmailTransport;
	emailFrom: string;
	log: Logger;
	tenantUrl: (slug: string) => string;
	env: Bindings;
};

export function jobDeps(env: Bindings, log = createLogger({ component: "jobs" })): JobDeps {
	const scheme = new URL(env.ENVIRONMENT === "development" ? "http://localhost" : "https://localhost");
	return {
		db: createDb(env.DB),
		email: transportFor(env),
		emailFrom: env.EMAIL_FROM,
		log,
		tenantUrl: (slug) => tenantBaseUrl(scheme, slug, env.PLATFORM_DOMAIN),
		env,
	};
}
