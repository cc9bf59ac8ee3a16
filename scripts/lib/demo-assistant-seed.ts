/**
 * The demo agency's prompt templates, so the assistant's Template list and the Prompt templates page
 * show some on first run: two shared with the agency and one of the owner's own. Fixed ids and
 * INSERT OR IGNORE: added when missing on every start; an edited or deleted one keeps its state.
 */
import { DEMO_AGENCY } from "./demo-seed";

const DAY = 24 * 60 * 60 * 1000;

function quote(value: string | null): string {
	return value === null ? "NULL" : `'${value.replaceAll("'", "''")}'`;
}

export const DEMO_TEMPLATE_IDS = {
	update: "demo-template-weekly-update",
	brief: "demo-template-brief",
	mine: "demo-template-owner",
} as const;

export function buildDemoAssistantSeedSql(now = Date.now()): string {
	const tenant = `(SELECT id FROM tenants WHERE slug = ${quote(DEMO_AGENCY.slug)})`;
	const owner = `(SELECT id FROM users WHERE tenant_id = ${tenant} AND email_normalized = 'owner@northwind.test')`;
	const templates = [
		{
			id: DEMO_TEMPLATE_IDS.update,
			owner: null,
			title: "Weekly client update",
			body: "Write a short, friendly weekly update for {{client}} about {{project}}: what we finished, what is next, and anything we need from them.",
		},
		{
			id: DEMO_TEMPLATE_IDS.brief,
			owner: null,
			title: "Summarise a brief",
			body: "Summarise this brief in five bullet points, then list the open questions to ask {{client}}:\n\n{{brief}}",
		},
		{
			id: DEMO_TEMPLATE_IDS.mine,
			owner,
			title: "Polite payment reminder",
			body: "Draft a polite reminder to {{client}} that invoice {{invoice}} is {{days}} days overdue.",
		},
	];
	return [
		...templates.map(
			(t, i) =>
				`INSERT OR IGNORE INTO prompt_templates (id, tenant_id, owner_user_id, title, body, created_at, updated_at) SELECT ${quote(t.id)}, ${tenant}, ${
					t.owner ?? "NULL"
				}, ${quote(t.title)}, ${quote(t.body)}, ${now - (i + 1) * DAY}, ${now - (i + 1) * DAY} WHERE ${tenant} IS NOT NULL;`,
		),
		"",
	].join("\n");
}
