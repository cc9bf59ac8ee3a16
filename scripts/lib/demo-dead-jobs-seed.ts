/**
 * The demo's dead jobs, so Settings → Failed jobs and the operator console show one on first run:
 * the demo agency's welcome email, which died while the email provider was down (replaying it sends
 * it), and a platform housekeeping job only the operator sees. Fixed ids and INSERT OR IGNORE: added
 * when missing on every start, and a replayed or discarded one keeps its state.
 */
import { DEMO_AGENCY } from "./demo-seed";

const MINUTE = 60_000;
export const DEMO_DEAD_JOB_IDS = { welcome: "demo-dead-welcome-email", housekeeping: "demo-dead-purge-expired-auth" } as const;

function quote(value: string): string {
	return `'${value.replaceAll("'", "''")}'`;
}

export function buildDemoDeadJobsSql(now = Date.now()): string {
	const tenant = `(SELECT id FROM tenants WHERE slug = ${quote(DEMO_AGENCY.slug)})`;
	const owner = `(SELECT id FROM users WHERE tenant_id = ${tenant} AND email_normalized = 'owner@northwind.test')`;
	const columns = "id, tenant_id, type, body, attempts, created_at, error, first_failed_at, last_failed_at";
	const welcomeBody = `json_object('type', 'welcome-email', 'tenantId', ${tenant}, 'userId', ${owner}, 'idempotencyKey', 'demo-welcome:northwind')`;
	const housekeepingBody = quote(
		JSON.stringify({ type: "purge-expired-auth", tenantId: null, idempotencyKey: "purge-expired-auth:demo-outage" }),
	);
	return [
		`INSERT OR IGNORE INTO dead_jobs (${columns}) SELECT ${quote(DEMO_DEAD_JOB_IDS.welcome)}, ${tenant}, 'welcome-email', ${welcomeBody}, 6, ${
			now - 30 * MINUTE
		}, 'Error: email provider answered 503', ${now - 62 * MINUTE}, ${now - 30 * MINUTE} WHERE ${owner} IS NOT NULL;`,
		`INSERT OR IGNORE INTO dead_jobs (${columns}) VALUES (${quote(DEMO_DEAD_JOB_IDS.housekeeping)}, NULL, 'purge-expired-auth', ${housekeepingBody}, 6, ${
			now - 90 * MINUTE
		}, 'Error: D1_ERROR: Network connection lost.', ${now - 122 * MINUTE}, ${now - 90 * MINUTE});`,
		"",
	].join("\n");
}
