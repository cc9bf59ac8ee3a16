/**
 * The demo's clients' people: Acme Bakery's linked contact (Chris Client) gets their role in the
 * company, and Acme Bakery has a pending invitation (Ben Baker, head baker) with a task waiting for
 * him, so the client's People card and a task's assignee show both on first run. Fixed ids; the
 * invitation is added when missing and kept pending on each start (its expiry moves on unless it
 * was accepted or revoked). Its stored token hash matches no link: "Resend" emails a working one.
 */
import { DEMO_AGENCY } from "./demo-seed";

const DAY = 24 * 60 * 60 * 1000;
export const DEMO_PEOPLE_IDS = {
	/** Chris Client's link to Acme Bakery (demo-portal-seed.ts). */
	chrisLink: "01900000-0000-7000-8000-000000000004",
	bakery: "01900000-0000-7000-8000-000000000001",
	project: "01900000-0000-7000-8000-000000000010",
	invitation: "01900000-0000-7000-8000-000000000041",
	waitingTask: "01900000-0000-7000-8000-000000000042",
} as const;
export const DEMO_INVITEE = { name: "Ben Baker", email: "ben@acme-bakery.example", title: "Head baker" } as const;

function quote(value: string | number | null): string {
	if (value === null) return "NULL";
	if (typeof value === "number") return String(value);
	return `'${value.replaceAll("'", "''")}'`;
}

export function buildDemoPeopleSeedSql(now = Date.now()): string {
	const tenant = `(SELECT id FROM tenants WHERE slug = ${quote(DEMO_AGENCY.slug)})`;
	const staff = `(SELECT id FROM users WHERE tenant_id = ${tenant} AND email_normalized = 'staff@northwind.test')`;
	const ids = DEMO_PEOPLE_IDS;
	const invitation = {
		id: quote(ids.invitation),
		tenant_id: tenant,
		email: quote(DEMO_INVITEE.email),
		email_normalized: quote(DEMO_INVITEE.email),
		role: "'client'",
		client_id: quote(ids.bakery),
		name: quote(DEMO_INVITEE.name),
		title: quote(DEMO_INVITEE.title),
		token_hash: quote(`demo-unsendable:${ids.invitation}`),
		expires_at: String(now + 7 * DAY),
		invited_by_user_id: staff,
		invited_by_label: "'Sam Staff'",
		last_sent_at: String(now - DAY),
		created_at: String(now - DAY),
	};
	const task = {
		id: quote(ids.waitingTask),
		tenant_id: tenant,
		project_id: quote(ids.project),
		title: "'Approve the pre-order menu'",
		description: "'Prices and pick-up times for the online pre-orders.'",
		assignee_invitation_id: quote(ids.invitation),
		due_at: String(now + 5 * DAY),
		status: "'open'",
		created_at: String(now),
		updated_at: String(now),
	};
	const columns = (row: Record<string, string>) => Object.keys(row).join(", ");
	const values = (row: Record<string, string>) => Object.values(row).join(", ");
	return [
		`UPDATE client_members SET title = 'Owner' WHERE tenant_id = ${tenant} AND id = ${quote(ids.chrisLink)} AND title IS NULL;`,
		`INSERT INTO invitations (${columns(invitation)}) SELECT ${values(invitation)} WHERE ${staff} IS NOT NULL ON CONFLICT(id) DO UPDATE SET expires_at = excluded.expires_at WHERE accepted_at IS NULL AND revoked_at IS NULL;`,
		`INSERT OR IGNORE INTO tasks (${columns(task)}) SELECT ${values(task)} WHERE EXISTS (SELECT 1 FROM invitations WHERE id = ${quote(ids.invitation)}) AND EXISTS (SELECT 1 FROM projects WHERE id = ${quote(ids.project)});`,
		"",
	].join("\n");
}
