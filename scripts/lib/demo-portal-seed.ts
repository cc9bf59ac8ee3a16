/**
 * The demo agency's portal data: three clients, the demo client user linked to one of them, and a
 * project with milestones, tasks and a deliverable waiting for review. Every row has a fixed id and
 * is written with INSERT OR IGNORE, so running it on every start adds what is missing and changes
 * nothing else.
 */
import { buildDemoAssistantSeedSql } from "./demo-assistant-seed";
import { buildDemoCrmContactsSql } from "./demo-crm-contacts-seed";
import { buildDemoDeadJobsSql } from "./demo-dead-jobs-seed";
import { buildDemoLeadFormsSql } from "./demo-lead-forms-seed";
import { buildDemoPeopleSeedSql } from "./demo-people-seed";
import { DEMO_AGENCY } from "./demo-seed";

const DAY = 24 * 60 * 60 * 1000;

/** Fixed UUIDv7-shaped ids, one per demo row. */
const id = (n: number) => `01900000-0000-7000-8000-${String(n).padStart(12, "0")}`;
export const DEMO_IDS = { bakery: id(1), legal: id(2), coffee: id(3), project: id(10) } as const;

function quote(value: string | number | null): string {
	if (value === null) return "NULL";
	if (typeof value === "number") return String(value);
	return `'${value.replaceAll("'", "''")}'`;
}

const TENANT = `(SELECT id FROM tenants WHERE slug = ${quote(DEMO_AGENCY.slug)})`;
const user = (email: string) => `(SELECT id FROM users WHERE tenant_id = ${TENANT} AND email_normalized = ${quote(email)})`;

/** A raw SQL fragment (a sub-select) rather than a quoted value. */
type Raw = { sql: string };
type Value = string | number | null | Raw;

function insert(table: string, row: Record<string, Value>, now: number): string {
	const full: Record<string, Value> = { tenant_id: { sql: TENANT }, created_at: now, updated_at: now, ...row };
	const columns = Object.keys(full);
	const values = columns.map((c) => {
		const v = full[c] ?? null;
		return typeof v === "object" && v !== null ? v.sql : quote(v);
	});
	return `INSERT OR IGNORE INTO ${table} (${columns.join(", ")}) SELECT ${values.join(", ")} WHERE ${TENANT} IS NOT NULL;`;
}

export function buildDemoPortalSeedSql(now = Date.now()): string {
	const staff = { sql: user("staff@northwind.test") };
	const client = { sql: user("client@northwind.test") };
	const p = DEMO_IDS.project;
	return [
		insert(
			"clients",
			{
				id: DEMO_IDS.bakery,
				name: "Acme Bakery",
				status: "active",
				tier: "premium",
				owner_user_id: staff,
				notes: "Monthly retainer; new website this quarter.",
				website: "https://acme-bakery.example",
				crm_access: "read",
			},
			now,
		),
		insert(
			"clients",
			{ id: DEMO_IDS.legal, name: "Blue Harbor Legal", status: "pending_setup", tier: "standard", owner_user_id: staff, notes: "" },
			now,
		),
		insert(
			"clients",
			{
				id: DEMO_IDS.coffee,
				name: "Copper Fox Coffee",
				status: "paused",
				tier: "basic",
				owner_user_id: null,
				notes: "Paused until spring.",
			},
			now,
		),
		insert("client_members", { id: id(4), client_id: DEMO_IDS.bakery, user_id: client }, now),
		insert(
			"projects",
			{
				id: p,
				client_id: DEMO_IDS.bakery,
				name: "Website relaunch",
				description: "A faster site with online pre-orders.",
				status: "active",
				starts_at: now - 14 * DAY,
				due_at: now + 42 * DAY,
			},
			now,
		),
		insert(
			"milestones",
			{
				id: id(11),
				project_id: p,
				title: "Discovery",
				due_at: now - 7 * DAY,
				status: "completed",
				position: 0,
				completed_at: now - 8 * DAY,
			},
			now,
		),
		insert("milestones", { id: id(12), project_id: p, title: "Design", due_at: now + 7 * DAY, status: "in_progress", position: 1 }, now),
		insert("milestones", { id: id(13), project_id: p, title: "Build", due_at: now + 21 * DAY, status: "pending", position: 2 }, now),
		insert("milestones", { id: id(14), project_id: p, title: "Launch", due_at: now + 35 * DAY, status: "pending", position: 3 }, now),
		insert(
			"tasks",
			{
				id: id(21),
				project_id: p,
				milestone_id: id(12),
				title: "Send brand assets",
				description: "Logo files and photos.",
				assignee_user_id: client,
				due_at: now + DAY,
				status: "open",
			},
			now,
		),
		insert(
			"tasks",
			{
				id: id(22),
				project_id: p,
				milestone_id: id(11),
				title: "Draft sitemap",
				assignee_user_id: staff,
				status: "done",
				completed_at: now - 9 * DAY,
			},
			now,
		),
		insert(
			"tasks",
			{
				id: id(23),
				project_id: p,
				milestone_id: id(12),
				title: "Write homepage copy",
				assignee_user_id: staff,
				due_at: now - DAY,
				status: "open",
			},
			now,
		),
		insert(
			"deliverables",
			{
				id: id(31),
				project_id: p,
				milestone_id: id(12),
				title: "Homepage design",
				kind: "link",
				url: "https://www.figma.com/",
				status: "pending_review",
			},
			now,
		),
		buildDemoPeopleSeedSql(now),
		buildDemoDeadJobsSql(now),
		buildDemoAssistantSeedSql(now),
		buildDemoLeadFormsSql(DEMO_IDS, now),
		buildDemoCrmContactsSql(DEMO_IDS, now),
		"",
	].join("\n");
}
