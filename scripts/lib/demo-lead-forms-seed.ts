/**
 * The demo agency's lead forms: one published form per demo client (its hosted page works at
 * `/f/<id>` on first run) and a handful of leads from them. Fixed ids and INSERT OR IGNORE: added
 * when missing on every start, and what people change afterwards is kept.
 */
import { DEMO_AGENCY } from "./demo-seed";

const DAY = 24 * 60 * 60 * 1000;
const id = (n: number) => `01900000-0000-7000-8000-${String(n).padStart(12, "0")}`;

export const DEMO_FORM_IDS = { bakery: id(401), legal: id(402), coffee: id(403) } as const;

function quote(value: string | number | null): string {
	if (value === null) return "NULL";
	if (typeof value === "number") return String(value);
	return `'${value.replaceAll("'", "''")}'`;
}

const TENANT = `(SELECT id FROM tenants WHERE slug = ${quote(DEMO_AGENCY.slug)})`;

const FIELDS = [
	{ key: "name", label: "Your name", type: "text", required: true, mapsTo: "firstName" },
	{ key: "email", label: "Email", type: "email", required: true, mapsTo: "email" },
	{ key: "company", label: "Company", type: "text", required: false, mapsTo: "company" },
	{ key: "message", label: "How can we help?", type: "textarea", required: false, mapsTo: "message" },
];
const CONSENT = { key: "contact", wording: "You may contact me about my enquiry.", required: true };

function form(formId: string, clientId: string, name: string, thanks: string, now: number): string {
	const values = [
		quote(formId),
		TENANT,
		quote(clientId),
		quote(name),
		quote("published"),
		quote(JSON.stringify(FIELDS)),
		quote(JSON.stringify([CONSENT])),
		quote(JSON.stringify([{ key: "campaign", defaultValue: "website" }])),
		quote(JSON.stringify({ kind: "message", message: thanks })),
		"0",
		String(now - 30 * DAY),
		String(now - 30 * DAY),
	];
	return `INSERT OR IGNORE INTO crm_forms (id, tenant_id, client_id, name, status, fields, consents, hidden_fields, success, double_opt_in, created_at, updated_at) SELECT ${values.join(", ")} WHERE ${TENANT} IS NOT NULL;`;
}

type DemoLead = {
	n: number;
	formId: string;
	clientId: string;
	name: string;
	email: string;
	company: string;
	message: string;
	status: string;
	daysAgo: number;
};

function lead(l: DemoLead, now: number): string {
	const at = now - l.daysAgo * DAY;
	const answers = { name: l.name, email: l.email, company: l.company, message: l.message };
	const values = [
		quote(id(l.n)),
		TENANT,
		quote(l.clientId),
		quote(l.formId),
		quote(`demo-submission-${l.n}`),
		quote("form"),
		quote(l.status),
		quote(l.email),
		quote(l.name),
		quote(l.company),
		quote(l.message),
		quote(JSON.stringify(answers)),
		quote(JSON.stringify({ campaign: "website" })),
		quote(JSON.stringify([{ key: CONSENT.key, wording: CONSENT.wording, acceptedAt: at }])),
		String(at),
		String(at),
	];
	return `INSERT OR IGNORE INTO crm_leads (id, tenant_id, client_id, form_id, submission_id, source, status, email, first_name, company, message, "values", hidden, consents, created_at, updated_at) SELECT ${values.join(", ")} WHERE ${TENANT} IS NOT NULL;`;
}

export function buildDemoLeadFormsSql(clients: { bakery: string; legal: string; coffee: string }, now = Date.now()): string {
	const f = DEMO_FORM_IDS;
	const leads: DemoLead[] = [
		{
			n: 411,
			formId: f.bakery,
			clientId: clients.bakery,
			name: "Maya",
			email: "maya@cornerstone.example",
			company: "Cornerstone Café",
			message: "Wholesale croissants, 200 a week?",
			status: "new",
			daysAgo: 1,
		},
		{
			n: 412,
			formId: f.bakery,
			clientId: clients.bakery,
			name: "Leo",
			email: "leo@events.example",
			company: "Leo Events",
			message: "Wedding cake for 120 guests in June.",
			status: "contacted",
			daysAgo: 4,
		},
		{
			n: 413,
			formId: f.bakery,
			clientId: clients.bakery,
			name: "Ines",
			email: "ines@example.com",
			company: "",
			message: "Do you do gluten-free sourdough?",
			status: "mql",
			daysAgo: 9,
		},
		{
			n: 414,
			formId: f.legal,
			clientId: clients.legal,
			name: "Tom",
			email: "tom@harbourfreight.example",
			company: "Harbour Freight",
			message: "Contract review for a new supplier.",
			status: "new",
			daysAgo: 2,
		},
		{
			n: 415,
			formId: f.legal,
			clientId: clients.legal,
			name: "Ana",
			email: "ana@startup.example",
			company: "Startly",
			message: "Incorporation and shareholder agreement.",
			status: "sql",
			daysAgo: 12,
		},
	];
	return [
		form(f.bakery, clients.bakery, "Order enquiry", "Thanks! The bakery team will reply within a day.", now),
		form(f.legal, clients.legal, "Book a consultation", "Thank you. A lawyer will call you back.", now),
		form(f.coffee, clients.coffee, "Wholesale beans", "Thanks, we will send our price list.", now),
		...leads.map((l) => lead(l, now)),
		"",
	].join("\n");
}
