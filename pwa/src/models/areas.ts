/**
 * The areas of the app, who sees them and what each will do: the navigation, the page titles and
 * the honest "coming soon" states all come from here.
 */
import { computed } from "@preact/signals";
import type { Permission } from "../../../schema/permissions";
import { can, isStaff } from "./session";

/**
 * `permission`: only users with it (in /me's `permissions`) see the area; `anyPermission`: users
 * with at least one of these. `ready`: the area is built (not a coming-soon page).
 */
export type Area = {
	path: string;
	label: string;
	summary: string;
	permission?: Permission;
	anyPermission?: readonly Permission[];
	ready?: boolean;
};

/** The agency workspace: owners, admins and staff. */
export const STAFF_AREAS: readonly Area[] = [
	{ path: "/", label: "Dashboard", summary: "Today's work across your clients, projects and leads." },
	{
		path: "/clients",
		label: "Clients",
		summary: "Your clients, their people, onboarding and status in one list.",
		permission: "clients:read",
		ready: true,
	},
	{
		path: "/onboarding",
		label: "Onboarding",
		summary: "Each client's onboarding steps and how far they got.",
		permission: "onboarding:manage",
		ready: true,
	},
	{
		path: "/projects",
		label: "Projects",
		summary: "Projects with milestones, tasks and deliverables your clients approve.",
		permission: "projects:read",
		ready: true,
	},
	{
		path: "/documents",
		label: "Documents",
		summary: "Files shared with clients, with versions, previews and share links.",
		permission: "documents:read",
		ready: true,
	},
	{
		path: "/downloads",
		label: "Deliverables",
		summary: "Everything delivered to your clients, filterable, and downloaded as one zip.",
		permission: "documents:read",
		ready: true,
	},
	{
		path: "/messages",
		label: "Messages",
		summary: "Live conversations with each client and about each project.",
		permission: "messages:read",
		ready: true,
	},
	{
		path: "/bookings",
		label: "Bookings",
		summary: "Calls your clients booked with your team, upcoming and past.",
		permission: "bookings:read",
		ready: true,
	},
	{
		path: "/support",
		label: "Support",
		summary: "Every client's tickets: reply, assign, prioritise, and see what is overdue.",
		permission: "tickets:manage",
		ready: true,
	},
	{
		path: "/announcements",
		label: "Announcements",
		summary: "Banners for all your clients or a segment, with a start and an end.",
		permission: "announcements:manage",
		ready: true,
	},
	{
		path: "/surveys",
		label: "Satisfaction",
		summary: "CSAT and NPS answers after milestones, per client and for the agency.",
		permission: "surveys:read",
		ready: true,
	},
	{ path: "/leads", label: "Leads", summary: "Lead capture forms, pipelines and deals, scored and routed to your team." },
	{ path: "/analytics", label: "Analytics", summary: "Marketing KPIs, attribution and campaigns across your clients." },
	{ path: "/reports", label: "Reports", summary: "Custom and scheduled reports your clients receive as PDF or CSV." },
	{
		path: "/notifications",
		label: "Notifications",
		summary: "What happened across your clients and projects, and which events reach you where.",
		permission: "account:read",
		ready: true,
	},
	{
		path: "/assistant",
		label: "Assistant",
		summary: "An AI assistant that knows your portal, limited to what you may see.",
		permission: "assistant:use",
		ready: true,
	},
	{
		path: "/usage",
		label: "Usage",
		summary: "Your credit balance and what used it, by feature and by person.",
		permission: "usage:read",
		ready: true,
	},
	{
		path: "/billing",
		label: "Billing",
		summary: "Your plan, payment method, invoices and credit top-ups.",
		permission: "billing:manage",
		ready: true,
	},
	{
		path: "/settings",
		label: "Settings",
		summary: "Your agency's team, roles, API keys, audit log, invitation rules, brand and domains.",
		anyPermission: ["members:read", "members:manage", "api_keys:manage", "audit:read", "tenant:manage", "bookings:manage"],
		ready: true,
	},
];

/** The client portal. */
export const CLIENT_AREAS: readonly Area[] = [
	{ path: "/", label: "Home", summary: "Where your projects stand and what needs you." },
	{
		path: "/onboarding",
		label: "Onboarding",
		summary: "The steps to get started with your agency.",
		permission: "clients:own",
		ready: true,
	},
	{
		path: "/projects",
		label: "Projects",
		summary: "Progress of each project, the next milestone and what awaits your approval.",
		permission: "projects:read",
		ready: true,
	},
	{
		path: "/documents",
		label: "Documents",
		summary: "Everything your agency shared with you, with every version.",
		permission: "documents:read",
		ready: true,
	},
	{
		path: "/downloads",
		label: "Deliverables",
		summary: "Everything delivered to you, filterable, and downloaded as one zip.",
		permission: "documents:read",
		ready: true,
	},
	{
		path: "/messages",
		label: "Messages",
		summary: "Talk to your agency's team, even from your phone on a bad connection.",
		permission: "messages:read",
		ready: true,
	},
	{
		path: "/notifications",
		label: "Notifications",
		summary: "Milestones reached and deliverables waiting for you, and how you hear about them.",
		permission: "account:read",
		ready: true,
	},
	{
		path: "/bookings",
		label: "Book a call",
		summary: "Book a call with your agency at a time that suits you, and move or cancel it.",
		permission: "bookings:book",
		ready: true,
	},
	{
		path: "/support",
		label: "Support",
		summary: "Ask your agency for help and follow each request to the end.",
		permission: "tickets:open",
		ready: true,
	},
	{
		path: "/surveys",
		label: "Surveys",
		summary: "Tell your agency how a milestone went, in one tap.",
		permission: "surveys:respond",
		ready: true,
	},
	{ path: "/invoices", label: "Invoices", summary: "Your invoices and payments in one place." },
	{
		path: "/assistant",
		label: "Assistant",
		summary: "Answers about your projects and documents, any time.",
		permission: "assistant:use",
		ready: true,
	},
];

/** Whether the signed-in user's permissions open an area. */
export function mayOpen(area: Area): boolean {
	if (area.permission && !can(area.permission)) return false;
	if (area.anyPermission && !area.anyPermission.some(can)) return false;
	return true;
}

/** The areas the signed-in user sees (by their /me permissions), in navigation order. */
export const visibleAreas = computed(() => (isStaff.value ? STAFF_AREAS : CLIENT_AREAS).filter(mayOpen));

/** The start page's area (Dashboard or Home) is the first one. */
export const homeArea = computed(() => visibleAreas.value[0]);

export function findArea(path: string): Area | undefined {
	return visibleAreas.value.find((area) => area.path === path);
}
