/**
 * The one route table: every address the app answers, the lazily loaded page behind it, which
 * page set it belongs to (platform host, signed out, signed in, MFA setup), who may open it, and
 * how it shows in the navigation (main navigation per audience, or the Settings navigation).
 * The router (app.tsx), the main and Settings navigation, page titles, coming-soon pages and the
 * first-page preload all read it; add a screen by adding one entry here (docs/PWA.md).
 */
import type { ComponentType } from "preact";
import { lazy } from "preact-iso";
import type { Permission } from "../../schema/permissions";
import { ContinueAfterSignIn, RedirectToSignIn } from "./components/auth-redirects";
import { Redirect } from "./components/redirect";

/** Which page set a route belongs to: the platform's own host, an agency host signed out, signed in, or signed in but owing MFA setup. */
export type Surface = "platform" | "signed-out" | "signed-in" | "mfa-setup";

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

export type RouteEntry = {
	/** preact-iso path pattern (`/clients/:id`). */
	path: string;
	/** The page, loaded lazily (or a tiny redirect). */
	page: ComponentType;
	/** The page sets that answer this path; "signed-in" when left out. */
	on?: readonly Surface[];
	/** Staff (owner, admin, staff) see this area in their main navigation; with `client` absent, clients get a 404 here. */
	staff?: NavItem;
	/** Clients see this area in their portal navigation; with `staff` absent, staff get a 404 here. */
	client?: NavItem;
	/** A Settings sub-page: in the Settings navigation and list, a 404 without its permission. */
	settings?: SettingsItem;
	/** The area is not built yet: the page says so (no sample data). */
	comingSoon?: true;
};

function GoToStart() {
	return <Redirect to="/" />;
}
function GoToSecurity() {
	return <Redirect to="/account/security" />;
}

const Dashboard = lazy(() => import("./routes/dashboard"));
const SignIn = lazy(() => import("./routes/sign-in"));
const SignUp = lazy(() => import("./routes/sign-up"));
const AccountSecurity = lazy(() => import("./routes/account-security"));
const VerifyEmail = lazy(() => import("./routes/verify-email"));
const Unlock = lazy(() => import("./routes/unlock"));
const Invite = lazy(() => import("./routes/invite"));
const SharedFile = lazy(() => import("./routes/shared-file"));
const ComingSoon = lazy(() => import("./routes/coming-soon"));
export const NotFound = lazy(() => import("./routes/not-found"));

/** The page shown for an address no entry of the page set matches. */
export const FALLBACK_PAGES: Record<Surface, ComponentType> = {
	platform: GoToStart,
	"signed-out": RedirectToSignIn,
	"signed-in": NotFound,
	"mfa-setup": GoToSecurity,
};

/** The pages a first load most likely shows, by address: their chunks load with the app shell (docs/PERFORMANCE.md). */
export const LIKELY_FIRST_PAGES: Record<string, { preload(): Promise<unknown> }> = { "/": Dashboard, "/signin": SignIn };

/** Main-navigation order is table order, for staff and for clients. */
export const ROUTES: readonly RouteEntry[] = [
	// The platform's own host.
	{ path: "/", page: SignUp, on: ["platform"] },
	{ path: "/signup", page: SignUp, on: ["platform"] },
	{ path: "/operator", page: lazy(() => import("./routes/operator")), on: ["platform"] },

	// An agency's host, signed out (and the pages emailed links open in any state).
	{ path: "/signin", page: SignIn, on: ["signed-out"] },
	{ path: "/welcome", page: lazy(() => import("./routes/welcome")), on: ["signed-out"] },
	{ path: "/invite", page: Invite, on: ["signed-out", "signed-in"] },
	{ path: "/verify-email", page: VerifyEmail, on: ["signed-out", "signed-in", "mfa-setup"] },
	{ path: "/reset-password", page: lazy(() => import("./routes/reset-password")), on: ["signed-out"] },
	{ path: "/unlock", page: Unlock, on: ["signed-out", "signed-in"] },
	{ path: "/s/:token", page: SharedFile, on: ["signed-out", "signed-in"] },

	// Signed in: where signed-out addresses lead once signed in.
	{ path: "/signin", page: ContinueAfterSignIn },
	{ path: "/welcome", page: GoToStart },
	{ path: "/reset-password", page: GoToSecurity },
	{ path: "/account", page: lazy(() => import("./routes/account")) },
	{ path: "/account/security", page: AccountSecurity, on: ["signed-in", "mfa-setup"] },

	// The areas, in navigation order.
	{
		path: "/",
		page: Dashboard,
		staff: { label: "Dashboard", summary: "Today's work across your clients, projects and leads." },
		client: { label: "Home", summary: "Where your projects stand and what needs you." },
	},
	{
		path: "/clients",
		page: lazy(() => import("./routes/clients")),
		staff: { label: "Clients", summary: "Your clients, their people, onboarding and status in one list.", permission: "clients:read" },
	},
	{ path: "/clients/:id", page: lazy(() => import("./routes/client-detail")) },
	{
		path: "/onboarding",
		page: lazy(() => import("./routes/onboarding")),
		staff: { label: "Onboarding", summary: "Each client's onboarding steps and how far they got.", permission: "onboarding:manage" },
		client: { label: "Onboarding", summary: "The steps to get started with your agency.", permission: "clients:own" },
	},
	{
		path: "/projects",
		page: lazy(() => import("./routes/projects")),
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
	{ path: "/projects/:id", page: lazy(() => import("./routes/project-detail")) },
	{
		path: "/documents",
		page: lazy(() => import("./routes/documents")),
		staff: {
			label: "Documents",
			summary: "Files shared with clients, with versions, previews and share links.",
			permission: "documents:read",
		},
		client: { label: "Documents", summary: "Everything your agency shared with you, with every version.", permission: "documents:read" },
	},
	{
		path: "/downloads",
		page: lazy(() => import("./routes/downloads")),
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
	{
		path: "/messages",
		page: lazy(() => import("./routes/messages")),
		staff: { label: "Messages", summary: "Live conversations with each client and about each project.", permission: "messages:read" },
		client: {
			label: "Messages",
			summary: "Talk to your agency's team, even from your phone on a bad connection.",
			permission: "messages:read",
		},
	},
	{ path: "/messages/:id", page: lazy(() => import("./routes/message-thread")) },
	{
		path: "/bookings",
		page: lazy(() => import("./routes/bookings")),
		staff: { label: "Bookings", summary: "Calls your clients booked with your team, upcoming and past.", permission: "bookings:read" },
		client: {
			label: "Book a call",
			summary: "Book a call with your agency at a time that suits you, and move or cancel it.",
			permission: "bookings:book",
		},
	},
	{
		path: "/support",
		page: lazy(() => import("./routes/support")),
		staff: {
			label: "Support",
			summary: "Every client's tickets: reply, assign, prioritise, and see what is overdue.",
			permission: "tickets:manage",
		},
		client: { label: "Support", summary: "Ask your agency for help and follow each request to the end.", permission: "tickets:open" },
	},
	{ path: "/support/:id", page: lazy(() => import("./routes/support-ticket")) },
	{
		path: "/announcements",
		page: lazy(() => import("./routes/announcements")),
		staff: {
			label: "Announcements",
			summary: "Banners for all your clients or a segment, with a start and an end.",
			permission: "announcements:manage",
		},
	},
	{
		path: "/surveys",
		page: lazy(() => import("./routes/surveys")),
		staff: {
			label: "Satisfaction",
			summary: "CSAT and NPS answers after milestones, per client and for the agency.",
			permission: "surveys:read",
		},
		client: { label: "Surveys", summary: "Tell your agency how a milestone went, in one tap.", permission: "surveys:respond" },
	},
	{
		path: "/leads",
		page: ComingSoon,
		comingSoon: true,
		staff: { label: "Leads", summary: "Lead capture forms, pipelines and deals, scored and routed to your team." },
	},
	{
		path: "/analytics",
		page: ComingSoon,
		comingSoon: true,
		staff: { label: "Analytics", summary: "Marketing KPIs, attribution and campaigns across your clients." },
	},
	{
		path: "/reports",
		page: ComingSoon,
		comingSoon: true,
		staff: { label: "Reports", summary: "Custom and scheduled reports your clients receive as PDF or CSV." },
	},
	{
		path: "/invoices",
		page: ComingSoon,
		comingSoon: true,
		client: { label: "Invoices", summary: "Your invoices and payments in one place." },
	},
	{
		path: "/notifications",
		page: lazy(() => import("./routes/notifications")),
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
	{
		path: "/assistant",
		page: lazy(() => import("./routes/assistant")),
		staff: {
			label: "Assistant",
			summary: "An AI assistant that knows your portal, limited to what you may see.",
			permission: "assistant:use",
		},
		client: { label: "Assistant", summary: "Answers about your projects and documents, any time.", permission: "assistant:use" },
	},
	{ path: "/assistant/templates", page: lazy(() => import("./routes/assistant-templates")) },
	{
		path: "/usage",
		page: lazy(() => import("./routes/usage")),
		staff: { label: "Usage", summary: "Your credit balance and what used it, by feature and by person.", permission: "usage:read" },
	},
	{
		path: "/billing",
		page: lazy(() => import("./routes/billing")),
		staff: { label: "Billing", summary: "Your plan, payment method, invoices and credit top-ups.", permission: "billing:manage" },
	},
	{ path: "/billing/referrals", page: lazy(() => import("./routes/referrals")) },
	{
		path: "/settings",
		page: lazy(() => import("./routes/settings/index")),
		staff: {
			label: "Settings",
			summary: "Your agency's team, roles, API keys, audit log, invitation rules, brand and domains.",
			anyPermission: ["members:read", "members:manage", "api_keys:manage", "audit:read", "tenant:manage", "bookings:manage"],
		},
	},

	// Settings sub-pages, in Settings navigation order.
	{
		path: "/settings/team",
		page: lazy(() => import("./routes/settings/team")),
		settings: { label: "Team", summary: "Members, their roles, and invitations.", permission: "members:read" },
	},
	{
		path: "/settings/roles",
		page: lazy(() => import("./routes/settings/roles")),
		settings: { label: "Roles", summary: "Custom roles made of the permissions you choose.", permission: "members:manage" },
	},
	{
		path: "/settings/api-keys",
		page: lazy(() => import("./routes/settings/api-keys")),
		settings: { label: "API keys", summary: "Keys for scripts and integrations, each with its scopes.", permission: "api_keys:manage" },
	},
	{
		path: "/settings/audit-log",
		page: lazy(() => import("./routes/settings/audit-log")),
		settings: { label: "Audit log", summary: "Who did what, when and from where.", permission: "audit:read" },
	},
	{
		path: "/settings/failed-jobs",
		page: lazy(() => import("./routes/settings/failed-jobs")),
		settings: { label: "Failed jobs", summary: "Background jobs that failed for good: replay or discard them.", permission: "jobs:manage" },
	},
	{
		path: "/settings/invitation-domains",
		page: lazy(() => import("./routes/settings/invitation-domains")),
		settings: { label: "Invitation domains", summary: "Which email domains people may be invited from.", permission: "tenant:manage" },
	},
	{
		path: "/settings/brand",
		page: lazy(() => import("./routes/brand-settings")),
		settings: { label: "Brand", summary: "Name, colour, logo, app icon and email sender.", permission: "tenant:manage" },
	},
	{
		path: "/settings/security",
		page: lazy(() => import("./routes/settings/security")),
		settings: {
			label: "Security",
			summary: "Who must use two-step sign-in, what unconfirmed accounts may do, every sign-in, unlocking members.",
			permission: "tenant:manage",
		},
	},
	{
		path: "/settings/onboarding",
		page: lazy(() => import("./routes/settings/onboarding")),
		settings: {
			label: "Onboarding",
			summary: "The steps a new client goes through: profile, questionnaire, documents, kickoff, agreement.",
			permission: "tenant:manage",
		},
	},
	{
		path: "/settings/domains",
		page: lazy(() => import("./routes/domain-settings")),
		settings: { label: "Custom domains", summary: "Serve your portal at your own address.", permission: "tenant:manage" },
	},
	{
		path: "/settings/messaging",
		page: lazy(() => import("./routes/settings/messaging")),
		settings: {
			label: "Messaging",
			summary: "Which client tiers include messaging, and when unread messages are emailed.",
			permission: "tenant:manage",
		},
	},
	{
		path: "/settings/bookings",
		page: lazy(() => import("./routes/settings/bookings")),
		settings: {
			label: "Bookings",
			summary: "The calls clients may book, and each team member's hours and days off.",
			permission: "bookings:manage",
		},
	},
	{
		path: "/settings/support",
		page: lazy(() => import("./routes/settings/support")),
		settings: {
			label: "Support",
			summary: "How fast each client tier is answered, and the survey a completed milestone asks.",
			permission: "tenant:manage",
		},
	},
	{
		path: "/settings/ai-providers",
		page: lazy(() => import("./routes/settings/ai-providers")),
		settings: {
			label: "AI providers",
			summary: "Your own OpenAI, Anthropic or OpenAI-compatible keys, checked and stored encrypted; the assistant answers through them.",
			permission: "tenant:manage",
		},
	},
	{
		path: "/settings/assistant-safety",
		page: lazy(() => import("./routes/settings/assistant-safety")),
		settings: {
			label: "Assistant safety",
			summary: "Moderation, blocked terms, and whether prompts and replies may be logged.",
			permission: "tenant:manage",
		},
	},
	{
		path: "/settings/sso",
		page: lazy(() => import("./routes/settings/sso")),
		settings: {
			label: "Single sign-on",
			summary: "Your staff sign in through your own identity provider (OpenID Connect).",
			permission: "tenant:manage",
		},
	},
];

/** The entries one page set answers, in table order (the first match wins). */
export function routesOn(surface: Surface): RouteEntry[] {
	return ROUTES.filter((route) => (route.on ?? ["signed-in"]).includes(surface));
}
