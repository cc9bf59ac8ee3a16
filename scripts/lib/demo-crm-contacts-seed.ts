/**
 * The demo agency's CRM contacts and companies: a few hundred realistic contacts and a few dozen
 * companies spread over the demo clients and the agency's own workspace, with owners, stages, tags
 * and a custom field, so the CRM is alive on first run. Generated deterministically under fixed
 * ids with INSERT OR IGNORE: added when missing on every start; what people change afterwards is
 * kept. The FTS5 triggers index every row as it is inserted.
 */
import { LIFECYCLE_STAGES } from "../../schema/crm";
import { DEMO_AGENCY } from "./demo-seed";

const DAY = 24 * 60 * 60 * 1000;
const id = (n: number) => `01900000-0000-7000-8000-${String(n).padStart(12, "0")}`;

function quote(value: string | number | null): string {
	if (value === null) return "NULL";
	if (typeof value === "number") return String(value);
	return `'${value.replaceAll("'", "''")}'`;
}

const TENANT = `(SELECT id FROM tenants WHERE slug = ${quote(DEMO_AGENCY.slug)})`;
const STAFF: Raw = { sql: `(SELECT id FROM users WHERE tenant_id = ${TENANT} AND email_normalized = 'staff@northwind.test')` };

const FIRST = [
	"Amelia",
	"Noah",
	"Sofia",
	"Lucas",
	"Chloé",
	"Mateo",
	"Aisha",
	"Kenji",
	"Freya",
	"Omar",
	"Zoë",
	"Rafael",
	"Ingrid",
	"Tomasz",
	"Priya",
	"Jonas",
	"Léa",
	"Diego",
	"Hana",
	"Oskar",
	"Maren",
	"Yusuf",
	"Elif",
	"Caleb",
	"Nadia",
];
const LAST = [
	"Okafor",
	"Lindqvist",
	"Moreau",
	"Kowalski",
	"Tanaka",
	"Fernández",
	"Byrne",
	"Haddad",
	"Novak",
	"Schmidt",
	"Rossi",
	"Patel",
	"Nguyen",
	"O'Brien",
	"Jensen",
	"Costa",
	"Weber",
	"Ito",
	"Duarte",
	"Kaya",
];
const TITLES = [
	"Owner",
	"Head of Marketing",
	"Operations Manager",
	"Founder",
	"Buyer",
	"Office Manager",
	"CFO",
	"Events Coordinator",
	null,
];
const TAGS = ["newsletter", "wholesale", "vip", "referral", "events", "trade-show"];

type Workspace = { key: string; clientId: string | null; companies: string[]; domainTld: string };

function workspaces(clients: { bakery: string; legal: string; coffee: string }): Workspace[] {
	return [
		{
			key: "bakery",
			clientId: clients.bakery,
			domainTld: "example",
			companies: [
				"Cornerstone Café",
				"Leo Events",
				"Green Fork Catering",
				"Maple Street Deli",
				"Harbour Hotel",
				"Sunrise Schools",
				"Oak & Ember Bistro",
				"Little Sprouts Nursery",
				"Riverside Market",
				"The Daily Grind",
			],
		},
		{
			key: "legal",
			clientId: clients.legal,
			domainTld: "example",
			companies: [
				"Harbour Freight",
				"Startly",
				"Northgate Properties",
				"Bright Path Clinics",
				"Atlas Logistics",
				"Quayside Marine",
				"Fernhill Estates",
				"Vantage Analytics",
				"Summit Builders",
				"Lumen Health",
			],
		},
		{
			key: "coffee",
			clientId: clients.coffee,
			domainTld: "example",
			companies: [
				"Bean There",
				"Copperline Offices",
				"Roast & Co",
				"Cowork Central",
				"Campus Coffee Cart",
				"Daybreak Hotels",
				"Paper Plane Books",
				"Hilltop Gym",
			],
		},
		{
			key: "agency",
			clientId: null,
			domainTld: "example",
			companies: [
				"Brightwave Retail",
				"Kestrel Software",
				"Meadow Dental",
				"Pioneer Fitness",
				"Solstice Travel",
				"Tidewater Foods",
				"Urban Nest Realty",
				"Wildflower Spa",
				"Zenith Finance",
				"Bluebird Florists",
				"Ironbridge Motors",
				"Evergreen Vets",
			],
		},
	];
}

function slug(name: string): string {
	return name
		.normalize("NFD")
		.replace(/[\u0300-\u036f]/g, "")
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, "-")
		.replace(/^-|-$/g, "");
}

/** A value written as SQL (a sub-select), not quoted. */
type Raw = { sql: string };

function row(table: string, values: Record<string, string | number | null | Raw>): string {
	const full: Record<string, string | number | null | Raw> = { tenant_id: { sql: TENANT }, ...values };
	const columns = Object.keys(full);
	const sqlValues = columns.map((c) => {
		const v = full[c] ?? null;
		return typeof v === "object" && v !== null ? v.sql : quote(v);
	});
	return `INSERT OR IGNORE INTO ${table} (${columns.join(", ")}) SELECT ${sqlValues.join(", ")} WHERE ${TENANT} IS NOT NULL;`;
}

/** How many contacts each workspace gets (about 300 in all). */
const CONTACTS_PER_WORKSPACE = 75;

export function buildDemoCrmContactsSql(clients: { bakery: string; legal: string; coffee: string }, now = Date.now()): string {
	const statements: string[] = [];
	let companyN = 500_000;
	let contactN = 600_000;
	workspaces(clients).forEach((ws, w) => {
		const companyIds = ws.companies.map((name, i) => {
			companyN += 1;
			const at = now - (120 - i * 3) * DAY;
			statements.push(
				row("crm_companies", {
					id: id(companyN),
					client_id: ws.clientId,
					owner_user_id: i % 2 === 0 ? STAFF : null,
					lifecycle_stage: LIFECYCLE_STAGES[(i + w) % LIFECYCLE_STAGES.length] ?? "lead",
					tags: JSON.stringify(i % 3 === 0 ? [TAGS[(i + w) % TAGS.length]] : []),
					custom_fields: "{}",
					name,
					domain: `${slug(name)}.${ws.domainTld}`,
					domain_normalized: `${slug(name)}.${ws.domainTld}`,
					phone: null,
					created_at: at,
					updated_at: at,
				}),
			);
			return { id: id(companyN), domain: `${slug(name)}.${ws.domainTld}` };
		});
		for (let i = 0; i < CONTACTS_PER_WORKSPACE; i += 1) {
			contactN += 1;
			const first = FIRST[(i * 7 + w * 3) % FIRST.length] ?? "Alex";
			const last = LAST[(i * 11 + w * 5) % LAST.length] ?? "Smith";
			const company = i % 4 === 3 ? null : companyIds[i % companyIds.length];
			const email = `${slug(first)}.${slug(last)}${i >= FIRST.length ? i : ""}@${company?.domain ?? "mail.example"}`;
			const phone = i % 3 === 0 ? `+44 20 7946 ${String(1000 + (contactN % 9000)).padStart(4, "0")}` : null;
			const at = now - (i * 37 + w * 11) * 60 * 60 * 1000;
			const tags = [TAGS[i % TAGS.length], i % 5 === 0 ? "vip" : null].filter((t): t is string => typeof t === "string");
			statements.push(
				row("crm_contacts", {
					id: id(contactN),
					client_id: ws.clientId,
					owner_user_id: i % 3 === 1 ? null : STAFF,
					lifecycle_stage: LIFECYCLE_STAGES[(i + w) % LIFECYCLE_STAGES.length] ?? "lead",
					tags: JSON.stringify([...new Set(tags)]),
					custom_fields: "{}",
					first_name: first,
					last_name: last,
					email,
					email_normalized: email.toLowerCase(),
					phone,
					phone_normalized: phone ? `+${phone.replace(/\D/g, "")}` : null,
					title: TITLES[i % TITLES.length] ?? null,
					company_id: company?.id ?? null,
					created_at: at,
					updated_at: at,
				}),
			);
		}
	});
	// One duplicate for the demo's duplicates banner: the bakery's first contact again, typed differently.
	statements.push(
		row("crm_contacts", {
			id: id(699_999),
			client_id: clients.bakery,
			owner_user_id: null,
			lifecycle_stage: "subscriber",
			tags: JSON.stringify(["newsletter"]),
			custom_fields: "{}",
			first_name: "Amelia",
			last_name: "",
			email: "AMELIA.OKAFOR@cornerstone-cafe.example",
			email_normalized: "amelia.okafor@cornerstone-cafe.example",
			phone: null,
			phone_normalized: null,
			title: null,
			company_id: null,
			created_at: now - DAY,
			updated_at: now - DAY,
		}),
	);
	return [...statements, ""].join("\n");
}
