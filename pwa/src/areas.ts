/** The areas of the app, who sees them, and what each will do: the navigation and the honest empty states come from here. */

export type Area = { path: string; label: string; summary: string };

/** Areas for the agency's owner, admins and staff. */
export const STAFF_AREAS: readonly Area[] = [
	{ path: "/", label: "Dashboard", summary: "" },
	{ path: "/clients", label: "Clients", summary: "Your clients, their people, onboarding and status in one list." },
	{ path: "/projects", label: "Projects", summary: "Projects with milestones, tasks and deliverables your clients approve." },
	{ path: "/documents", label: "Documents", summary: "Files shared with clients, with versions, previews and share links." },
	{ path: "/messages", label: "Messages", summary: "Live conversations with each client and project." },
	{ path: "/leads", label: "Leads", summary: "Lead capture forms, pipelines and deals, scored and routed." },
	{ path: "/analytics", label: "Analytics", summary: "Marketing KPIs, attribution and campaigns across your clients." },
	{ path: "/reports", label: "Reports", summary: "Custom and scheduled reports your clients receive as PDF or CSV." },
	{ path: "/assistant", label: "Assistant", summary: "An AI assistant that knows your portal and only what you may see." },
	{ path: "/settings", label: "Settings", summary: "Brand, domain, team, billing and security for your agency." },
];

/** Areas for the agency's clients. */
export const CLIENT_AREAS: readonly Area[] = [
	{ path: "/", label: "Home", summary: "" },
	{ path: "/projects", label: "Projects", summary: "Progress of each project, the next milestone and what awaits your approval." },
	{ path: "/documents", label: "Documents", summary: "Everything your agency shared with you, ready offline." },
	{ path: "/messages", label: "Messages", summary: "Talk to your agency's team, even from your phone on a bad connection." },
	{ path: "/invoices", label: "Invoices", summary: "Your invoices and payments." },
	{ path: "/assistant", label: "Assistant", summary: "Ask questions about your projects and documents." },
];

export function findArea(areas: readonly Area[], path: string): Area | undefined {
	return areas.find((a) => a.path === path);
}
