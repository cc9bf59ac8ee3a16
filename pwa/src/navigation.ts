/**
 * The app's places as the navigation shows them: each area of the main navigation (how staff and
 * clients see it, the permission it needs, whether it is still coming soon) and each Settings page,
 * in navigation order, by address. The route table (route-table.tsx) gives each place its page;
 * the navigation models (models/areas.ts, models/settings-pages.ts), and through them the pages,
 * read this module instead of the table, which imports every page and so cannot be imported by one
 * (an import cycle). Add a screen that shows in the navigation here and in the table (docs/PWA.md).
 */
import type { Permission } from "../../schema/permissions";

/** How a route shows in the main navigation for one audience, and what that audience needs to open it. */
export type NavItem = {
	label: string;
	/** One sentence on what the area does (Settings lists, coming-soon pages). */
	summary: string;
	/** Only users with this permission (in /me's `permissions`) see and open it. */
	permission?: Permission;
	/** Users with at least one of these see and open it. */
	anyPermission?: readonly Permission[];
};

/** A page of the Settings section: its navigation label and the permission it needs. */
export type SettingsItem = { label: string; summary: string; permission: Permission };

/** A route's place in the navigation, and so who may open it. */
export type Place = {
	/** Staff (owner, admin, staff) see this area in their main navigation; with `client` absent, clients get a 404 here. */
	staff?: NavItem;
	/** Clients see this area in their portal navigation; with `staff` absent, staff get a 404 here. */
	client?: NavItem;
	/** A Settings sub-page: in the Settings navigation and list, a 404 without its permission. */
	settings?: SettingsItem;
	/** The area is not built yet: the page says so (no sample data). */
	comingSoon?: true;
};

/** Every place by its address; main-navigation and Settings order is this order. */
const PLACES = {
	"/": {
		staff: { label: "Dashboard", summary: "Today's work across your clients, projects and leads." },
		client: { label: "Home", summary: "Where your projects stand and what needs you." },
	},
	"/clients": {
		staff: { label: "Clients", summary: "Your clients, their people, onboarding and status in one list.", permission: "clients:read" },
	},
	"/onboarding": {
		staff: { label: "Onboarding", summary: "Each client's onboarding steps and how far they got.", permission: "onboarding:manage" },
		client: { label: "Onboarding", summary: "The steps to get started with your agency.", permission: "clients:own" },
	},
	"/projects": {
		staff: {
			label: "Projects",
			summary: "Projects with milestones, tasks and deliverables your clients approve.",
			permission: "projects:read",
		},
		client: {
			label: "Projects",
			summary: "Progress of each project, the next milestone and what awaits your approval.",
			permission: "projects:read",
		},
	},
	"/documents": {
		staff: {
			label: "Documents",
			summary: "Files shared with clients, with versions, previews and share links.",
			permission: "documents:read",
		},
		client: { label: "Documents", summary: "Everything your agency shared with you, with every version.", permission: "documents:read" },
	},
	"/downloads": {
		staff: {
			label: "Deliverables",
			summary: "Everything delivered to your clients, filterable, and downloaded as one zip.",
			permission: "documents:read",
		},
		client: {
			label: "Deliverables",
			summary: "Everything delivered to you, filterable, and downloaded as one zip.",
			permission: "documents:read",
		},
	},
	"/messages": {
		staff: { label: "Messages", summary: "Live conversations with each client and about each project.", permission: "messages:read" },
		client: {
			label: "Messages",
			summary: "Talk to your agency's team, even from your phone on a bad connection.",
			permission: "messages:read",
		},
	},
	"/bookings": {
		staff: { label: "Bookings", summary: "Calls your clients booked with your team, upcoming and past.", permission: "bookings:read" },
		client: {
			label: "Book a call",
			summary: "Book a call with your agency at a time that suits you, and move or cancel it.",
			permission: "bookings:book",
		},
	},
	"/support": {
		staff: {
			label: "Support",
			summary: "Every client's tickets: reply, assign, prioritise, and see what is overdue.",
			permission: "tickets:manage",
		},
		client: { label: "Support", summary: "Ask your agency for help and follow each request to the end.", permission: "tickets:open" },
	},
	"/announcements": {
		staff: {
			label: "Announcements",
			summary: "Banners for all your clients or a segment, with a start and an end.",
			permission: "announcements:manage",
		},
	},
	"/surveys": {
		staff: {
			label: "Satisfaction",
			summary: "CSAT and NPS answers after milestones, per client and for the agency.",
			permission: "surveys:read",
		},
		client: { label: "Surveys", summary: "Tell your agency how a milestone went, in one tap.", permission: "surveys:respond" },
	},
	"/leads": {
		comingSoon: true,
		staff: { label: "Leads", summary: "Lead capture forms, pipelines and deals, scored and routed to your team." },
	},
	"/analytics": {
		comingSoon: true,
		staff: { label: "Analytics", summary: "Marketing KPIs, attribution and campaigns across your clients." },
	},
	"/reports": {
		comingSoon: true,
		staff: { label: "Reports", summary: "Custom and scheduled reports your clients receive as PDF or CSV." },
	},
	"/invoices": {
		comingSoon: true,
		client: { label: "Invoices", summary: "Your invoices and payments in one place." },
	},
	"/notifications": {
		staff: {
			label: "Notifications",
			summary: "What happened across your clients and projects, and which events reach you where.",
			permission: "account:read",
		},
		client: {
			label: "Notifications",
			summary: "Milestones reached and deliverables waiting for you, and how you hear about them.",
			permission: "account:read",
		},
	},
	"/assistant": {
		staff: {
			label: "Assistant",
			summary: "An AI assistant that knows your portal, limited to what you may see.",
			permission: "assistant:use",
		},
		client: { label: "Assistant", summary: "Answers about your projects and documents, any time.", permission: "assistant:use" },
	},
	"/usage": {
		staff: { label: "Usage", summary: "Your credit balance and what used it, by feature and by person.", permission: "usage:read" },
	},
	"/billing": {
		staff: { label: "Billing", summary: "Your plan, payment method, invoices and credit top-ups.", permission: "billing:manage" },
	},
	"/settings": {
		staff: {
			label: "Settings",
			summary: "Your agency's team, roles, API keys, audit log, invitation rules, brand and domains.",
			anyPermission: ["members:read", "members:manage", "api_keys:manage", "audit:read", "tenant:manage", "bookings:manage"],
		},
	},
	"/settings/team": {
		settings: { label: "Team", summary: "Members, their roles, and invitations.", permission: "members:read" },
	},
	"/settings/roles": {
		settings: { label: "Roles", summary: "Custom roles made of the permissions you choose.", permission: "members:manage" },
	},
	"/settings/api-keys": {
		settings: { label: "API keys", summary: "Keys for scripts and integrations, each with its scopes.", permission: "api_keys:manage" },
	},
	"/settings/audit-log": {
		settings: { label: "Audit log", summary: "Who did what, when and from where.", permission: "audit:read" },
	},
	"/settings/failed-jobs": {
		settings: { label: "Failed jobs", summary: "Background jobs that failed for good: replay or discard them.", permission: "jobs:manage" },
	},
	"/settings/invitation-domains": {
		settings: { label: "Invitation domains", summary: "Which email domains people may be invited from.", permission: "tenant:manage" },
	},
	"/settings/brand": {
		settings: { label: "Brand", summary: "Name, colour, logo, app icon and email sender.", permission: "tenant:manage" },
	},
	"/settings/security": {
		settings: {
			label: "Security",
			summary: "Who must use two-step sign-in, what unconfirmed accounts may do, every sign-in, unlocking members.",
			permission: "tenant:manage",
		},
	},
	"/settings/onboarding": {
		settings: {
			label: "Onboarding",
			summary: "The steps a new client goes through: profile, questionnaire, documents, kickoff, agreement.",
			permission: "tenant:manage",
		},
	},
	"/settings/domains": {
		settings: { label: "Custom domains", summary: "Serve your portal at your own address.", permission: "tenant:manage" },
	},
	"/settings/messaging": {
		settings: {
			label: "Messaging",
			summary: "Which client tiers include messaging, and when unread messages are emailed.",
			permission: "tenant:manage",
		},
	},
	"/settings/bookings": {
		settings: {
			label: "Bookings",
			summary: "The calls clients may book, and each team member's hours and days off.",
			permission: "bookings:manage",
		},
	},
	"/settings/support": {
		settings: {
			label: "Support",
			summary: "How fast each client tier is answered, and the survey a completed milestone asks.",
			permission: "tenant:manage",
		},
	},
	"/settings/ai-providers": {
		settings: {
			label: "AI providers",
			summary: "Your own OpenAI, Anthropic or OpenAI-compatible keys, checked and stored encrypted; the assistant answers through them.",
			permission: "tenant:manage",
		},
	},
	"/settings/assistant-safety": {
		settings: {
			label: "Assistant safety",
			summary: "Moderation, blocked terms, and whether prompts and replies may be logged.",
			permission: "tenant:manage",
		},
	},
	"/settings/sso": {
		settings: {
			label: "Single sign-on",
			summary: "Your staff sign in through your own identity provider (OpenID Connect).",
			permission: "tenant:manage",
		},
	},
} satisfies Record<string, Place>;

/** The address of a place in the navigation. */
export type PlacePath = keyof typeof PLACES;

/** The places in navigation order, each with its address. */
export const NAVIGATION: readonly (Place & { path: string })[] = Object.entries(PLACES).map(([path, place]) => ({ path, ...place }));

/** A place with its address, for its route table entry: `{ ...at("/clients"), page }`. */
export function at(path: PlacePath): Place & { path: PlacePath } {
	return { path, ...PLACES[path] };
}
