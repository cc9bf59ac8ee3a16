/** What job handlers get to work with, built once per batch from the Worker's bindings. */
import type { Bindings, Database } from "../env";
import { createDb } from "../lib/db";
import { type EmailTransport, transportFor } from "../lib/email/transport";
import { createLogger, type Logger } from "../lib/logger";
import { type EmailIdentity, emailIdentityFor } from "../services/branding/email-identity";
import { canonicalBaseUrl } from "../services/tenants/tenant-address";

/**
 * `tenantUrl(tenantId)`: the agency's canonical address (primary verified custom domain, else its
 * sub-domain) for links in email — never a request's host; looked up once per agency per batch.
 * `agencyEmail(tenantId)`: the From (the agency's sender name) and brand of every email sent on an
 * agency's behalf, once per agency per batch. `emailFrom` (EMAIL_FROM, "Atrium") is only for the
 * platform's own emails to an agency owner about its Atrium account (welcome, billing, credits).
 */
export type JobDeps = {
	db: Database;
	email: EmailTransport;
	emailFrom: string;
	agencyEmail: (tenantId: string) => Promise<EmailIdentity>;
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
	const identities = new Map<string, Promise<EmailIdentity>>();
	const agencyEmail = (tenantId: string): Promise<EmailIdentity> => {
		let identity = identities.get(tenantId);
		if (!identity) {
			identity = tenantUrl(tenantId).then((url) => emailIdentityFor(db, tenantId, env.EMAIL_FROM, url));
			identities.set(tenantId, identity);
		}
		return identity;
	};
	return { db, email: transportFor(env), emailFrom: env.EMAIL_FROM, agencyEmail, log, tenantUrl, env };
}
