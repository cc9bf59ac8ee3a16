/** What job handlers get to work with, built once per batch from the Worker's bindings. */
import type { Bindings, Database } from "../env";
import { createDb } from "../lib/db";
import { type EmailTransport, transportFor } from "../lib/email/transport";
import { createLogger, type Logger } from "../lib/logger";
import { canonicalBaseUrl } from "../services/tenants/tenant-address";

/**
 * `tenantUrl(tenantId)`: the agency's canonical address (primary verified custom domain, else its
 * sub-domain) for links in email — never a request's host; looked up once per agency per batch.
 */
export type JobDeps = {
	db: Database;
	email: EmailTransport;
	emailFrom: string;
	log: Logger;
	tenantUrl: (tenantId: string) => Promise<string>;
	env: Bindings;
};

export function jobDeps(env: Bindings, log = createLogger({ component: "jobs" })): JobDeps {
	const db = createDb(env.DB);
	const addresses = new Map<string, Promise<string>>();
	const tenantUrl = (tenantId: string): Promise<string> => {
		let address = addresses.get(tenantId);
		if (!address) {
			address = canonicalBaseUrl(db, env, tenantId).then((url) => {
				if (!url) throw new Error(`no agency ${tenantId} to address email for`);
				return url;
			});
			addresses.set(tenantId, address);
		}
		return address;
	};
	return { db, email: transportFor(env), emailFrom: env.EMAIL_FROM, log, tenantUrl, env };
}
