/** The sub-pages of Settings and the permission each needs: the Settings navigation and its guards come from here. */
import { computed } from "@preact/signals";
import type { Permission } from "../../../schema/permissions";
import { can } from "./session";

export type SettingsPage = { path: string; label: string; summary: string; permission: Permission };

export const SETTINGS_PAGES: readonly SettingsPage[] = [
	{ path: "/settings/team", label: "Team", summary: "Members, their roles, and invitations.", permission: "members:read" },
	{ path: "/settings/roles", label: "Roles", summary: "Custom roles made of the permissions you choose.", permission: "members:manage" },
	{
		path: "/settings/api-keys",
		label: "API keys",
		summary: "Keys for scripts and integrations, each with its scopes.",
		permission: "api_keys:manage",
	},
	{ path: "/settings/audit-log", label: "Audit log", summary: "Who did what, when and from where.", permission: "audit:read" },
	{
		path: "/settings/invitation-domains",
		label: "Invitation domains",
		summary: "Which email domains people may be invited from.",
		permission: "tenant:manage",
	},
	{
		path: "/settings/brand",
		label: "Brand",
		summary: "Name, colour, logo, app icon and email sender.",
		permission: "tenant:manage",
	},
	{
		path: "/settings/security",
		label: "Security",
		summary: "Who must use two-step sign-in, what unconfirmed accounts may do, every sign-in, unlocking members.",
		permission: "tenant:manage",
	},
	{
		path: "/settings/onboarding",
		label: "Onboarding",
		summary: "The steps a new client goes through: profile, questionnaire, documents, kickoff, agreement.",
		permission: "tenant:manage",
	},
	{ path: "/settings/domains", label: "Custom domains", summary: "Serve your portal at your own address.", permission: "tenant:manage" },
	{
		path: "/settings/messaging",
		label: "Messaging",
		summary: "Which client tiers include messaging, and when unread messages are emailed.",
		permission: "tenant:manage",
	},
	{
		path: "/settings/bookings",
		label: "Bookings",
		summary: "The calls clients may book, and each team member's hours and days off.",
		permission: "bookings:manage",
	},
	{
		path: "/settings/support",
		label: "Support",
		summary: "How fast each client tier is answered, and the survey a completed milestone asks.",
		permission: "tenant:manage",
	},
	{
		path: "/settings/sso",
		label: "Single sign-on",
		summary: "Your staff sign in through your own identity provider (OpenID Connect).",
		permission: "tenant:manage",
	},
];

/** The Settings pages the signed-in user may open. */
export const visibleSettingsPages = computed(() => SETTINGS_PAGES.filter((page) => can(page.permission)));
