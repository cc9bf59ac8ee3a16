/**
 * The demo data `npm start` loads into an empty database: one agency with an owner, a staff member
 * and a client user. The agency is on Pro, with white label, so its brand (demo-brand.ts) shows.
 * Built as SQL with the Worker's own password hashing, so the accounts sign in exactly like real ones.
 */
import { newId } from "../../worker/lib/ids";
import { hashPassword } from "../../worker/lib/passwords";

/** On Pro (set directly, no Stripe subscription): white label shows, and Billing still offers a trial of each plan. */
export const DEMO_AGENCY = { slug: "northwind", name: "Northwind Studio", planId: "pro" } as const;
export const DEMO_PASSWORD = "atrium-demo-2026";
export const DEMO_ACCOUNTS = [
	{ role: "owner", name: "Olivia Owner", email: "owner@northwind.test" },
	{ role: "staff", name: "Sam Staff", email: "staff@northwind.test" },
	{ role: "client", name: "Chris Client", email: "client@northwind.test" },
] as const;
/**
 * An account (on the client side, so it takes no team seat) the end-to-end suite turns two-step
 * sign-in on for (tests/e2e/totp.test.ts), so no test ever changes how the demo users above sign in.
 */
export const E2E_MFA_ACCOUNT = { role: "client", name: "Tess Twostep", email: "twostep@northwind.test" } as const;

function quote(value: string | number | null): string {
	if (value === null) return "NULL";
	if (typeof value === "number") return String(value);
	return `'${value.replaceAll("'", "''")}'`;
}

function insert(table: string, row: Record<string, string | number | null>): string {
	const columns = Object.keys(row);
	return `INSERT INTO ${table} (${columns.join(", ")}) VALUES (${columns.map((c) => quote(row[c] ?? null)).join(", ")});`;
}

export async function buildDemoSeedSql(platformDomain: string, now = Date.now(), tenantId = newId(now)): Promise<string> {
	const statements = [
		insert("tenants", {
			id: tenantId,
			slug: DEMO_AGENCY.slug,
			name: DEMO_AGENCY.name,
			status: "active",
			plan_id: DEMO_AGENCY.planId,
			created_at: now,
			updated_at: now,
		}),
		insert("tenant_domains", {
			id: newId(now),
			tenant_id: tenantId,
			hostname: `${DEMO_AGENCY.slug}.${platformDomain}`,
			kind: "subdomain",
			verified: 1,
			is_primary: 1,
			verified_at: now,
			created_at: now,
		}),
	];
	for (const account of [...DEMO_ACCOUNTS, E2E_MFA_ACCOUNT]) {
		const userId = newId(now);
		statements.push(
			insert("users", {
				id: userId,
				tenant_id: tenantId,
				email: account.email,
				email_normalized: account.email.toLowerCase(),
				name: account.name,
				password_hash: await hashPassword(DEMO_PASSWORD),
				email_verified_at: now,
				created_at: now,
				updated_at: now,
			}),
			insert("memberships", { tenant_id: tenantId, user_id: userId, role: account.role, created_at: now }),
		);
	}
	return `${statements.join("\n")}\n`;
}
