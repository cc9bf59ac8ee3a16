/**
 * The one route table: every address the app answers, the lazily loaded page behind it, which
 * page set it belongs to (platform host, signed out, signed in, MFA setup), and — for the places in
 * the navigation, `...at(path)` from navigation.ts — who may open it and how it shows there. The
 * router (app.tsx) and the first-page preload read it; add a screen by adding one entry here, and
 * its place in navigation.ts when it shows in the navigation (docs/PWA.md). Only app.tsx imports
 * this module: it imports every page, so a page that did would close an import cycle.
 */
import type { ComponentType } from "preact";
import { lazy } from "preact-iso";
import { ContinueAfterSignIn, RedirectToSignIn } from "./components/auth-redirects";
import { Redirect } from "./components/redirect";
import { at, type Place } from "./navigation";

/** Which page set a route belongs to: the platform's own host, an agency host signed out, signed in, or signed in but owing MFA setup. */
export type Surface = "platform" | "signed-out" | "signed-in" | "mfa-setup";

export type RouteEntry = Place & {
	/** preact-iso path pattern (`/clients/:id`). */
	path: string;
	/** The page, loaded lazily (or a tiny redirect). */
	page: ComponentType;
	/** The page sets that answer this path; "signed-in" when left out. */
	on?: readonly Surface[];
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

/** The first entry of a page set that matches an address answers it. */
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
	{ ...at("/"), page: Dashboard },
	{ ...at("/clients"), page: lazy(() => import("./routes/clients")) },
	{ path: "/clients/:id", page: lazy(() => import("./routes/client-detail")) },
	{ ...at("/onboarding"), page: lazy(() => import("./routes/onboarding")) },
	{ ...at("/projects"), page: lazy(() => import("./routes/projects")) },
	{ path: "/projects/:id", page: lazy(() => import("./routes/project-detail")) },
	{ ...at("/documents"), page: lazy(() => import("./routes/documents")) },
	{ ...at("/downloads"), page: lazy(() => import("./routes/downloads")) },
	{ ...at("/messages"), page: lazy(() => import("./routes/messages")) },
	{ path: "/messages/:id", page: lazy(() => import("./routes/message-thread")) },
	{ ...at("/bookings"), page: lazy(() => import("./routes/bookings")) },
	{ ...at("/support"), page: lazy(() => import("./routes/support")) },
	{ path: "/support/:id", page: lazy(() => import("./routes/support-ticket")) },
	{ ...at("/announcements"), page: lazy(() => import("./routes/announcements")) },
	{ ...at("/surveys"), page: lazy(() => import("./routes/surveys")) },
	{ ...at("/leads"), page: ComingSoon },
	{ ...at("/analytics"), page: ComingSoon },
	{ ...at("/reports"), page: ComingSoon },
	{ ...at("/invoices"), page: ComingSoon },
	{ ...at("/notifications"), page: lazy(() => import("./routes/notifications")) },
	{ ...at("/assistant"), page: lazy(() => import("./routes/assistant")) },
	{ path: "/assistant/templates", page: lazy(() => import("./routes/assistant-templates")) },
	{ ...at("/usage"), page: lazy(() => import("./routes/usage")) },
	{ ...at("/billing"), page: lazy(() => import("./routes/billing")) },
	{ path: "/billing/referrals", page: lazy(() => import("./routes/referrals")) },
	{ ...at("/settings"), page: lazy(() => import("./routes/settings/index")) },

	// Settings sub-pages, in Settings navigation order.
	{ ...at("/settings/team"), page: lazy(() => import("./routes/settings/team")) },
	{ ...at("/settings/roles"), page: lazy(() => import("./routes/settings/roles")) },
	{ ...at("/settings/api-keys"), page: lazy(() => import("./routes/settings/api-keys")) },
	{ ...at("/settings/audit-log"), page: lazy(() => import("./routes/settings/audit-log")) },
	{ ...at("/settings/failed-jobs"), page: lazy(() => import("./routes/settings/failed-jobs")) },
	{ ...at("/settings/invitation-domains"), page: lazy(() => import("./routes/settings/invitation-domains")) },
	{ ...at("/settings/brand"), page: lazy(() => import("./routes/brand-settings")) },
	{ ...at("/settings/security"), page: lazy(() => import("./routes/settings/security")) },
	{ ...at("/settings/onboarding"), page: lazy(() => import("./routes/settings/onboarding")) },
	{ ...at("/settings/domains"), page: lazy(() => import("./routes/domain-settings")) },
	{ ...at("/settings/messaging"), page: lazy(() => import("./routes/settings/messaging")) },
	{ ...at("/settings/bookings"), page: lazy(() => import("./routes/settings/bookings")) },
	{ ...at("/settings/support"), page: lazy(() => import("./routes/settings/support")) },
	{ ...at("/settings/ai-providers"), page: lazy(() => import("./routes/settings/ai-providers")) },
	{ ...at("/settings/assistant-safety"), page: lazy(() => import("./routes/settings/assistant-safety")) },
	{ ...at("/settings/sso"), page: lazy(() => import("./routes/settings/sso")) },
];

/** The entries one page set answers, in table order (the first match wins). */
export function routesOn(surface: Surface): RouteEntry[] {
	return ROUTES.filter((route) => (route.on ?? ["signed-in"]).includes(surface));
}
