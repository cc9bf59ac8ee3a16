/**
 * The app: which pages exist depends on the host and the session. The platform host offers
 * sign-up and the operator console; an agency's host offers sign-in, or the signed-in frame.
 * Every page, who may open it and its place in the navigation come from the route table
 * (route-table.tsx); pages load lazily.
 */
import type { ComponentType } from "preact";
import { ErrorBoundary, LocationProvider, Route, Router } from "preact-iso";
import { AppFrame } from "./components/app-frame";
import { HostUnavailable } from "./components/host-unavailable";
import { FrameSkeleton } from "./components/kit/skeleton";
import { UpdatePrompt } from "./components/update-prompt";
import { mayOpenRoute } from "./models/areas";
import { isPlatformHost, isSignedIn, me, status } from "./models/session";
import { FALLBACK_PAGES, LIKELY_FIRST_PAGES, NotFound, type RouteEntry, routesOn, type Surface } from "./route-table";

/** The page a first load most likely shows starts loading with the app shell instead of after the session is known. */
export function preloadFirstPage(pathname: string): void {
	void LIKELY_FIRST_PAGES[pathname]?.preload().catch(() => undefined);
}

/** A route's page behind its access rule: a 404 for those the table does not let in (made once per entry, so identity is stable). */
function guarded(route: RouteEntry): ComponentType {
	if (!route.staff && !route.client && !route.settings) return route.page;
	const Page = route.page;
	return function GuardedPage(props: object) {
		return mayOpenRoute(route) ? <Page {...props} /> : <NotFound />;
	};
}

/** Each page set's routes, built once from the table. */
const PAGE_SETS = Object.fromEntries(
	(["platform", "signed-out", "signed-in", "mfa-setup"] as const).map((surface) => [
		surface,
		routesOn(surface).map((route) => ({ path: route.path, component: guarded(route) })),
	]),
) as Record<Surface, { path: string; component: ComponentType }[]>;

function PageSet({ surface }: { surface: Surface }) {
	return (
		<Router>
			{PAGE_SETS[surface].map((route) => (
				<Route key={route.path} path={route.path} component={route.component} />
			))}
			<Route default component={FALLBACK_PAGES[surface]} />
		</Router>
	);
}

/** While the agency requires two-step sign-in of this user and it is not set up, only its setup page (and emailed links) open. */
function SignedInPages() {
	return <AppFrame>{me.value?.mfaSetupRequired ? <PageSet surface="mfa-setup" /> : <PageSet surface="signed-in" />}</AppFrame>;
}

function Pages() {
	switch (status.value) {
		case "loading":
			return <FrameSkeleton />;
		case "unknown-host":
		case "unreachable":
			return <HostUnavailable />;
		case "ready":
			if (isPlatformHost.value) return <PageSet surface="platform" />;
			return isSignedIn.value ? <SignedInPages /> : <PageSet surface="signed-out" />;
	}
}

/** Links into the API (provider and SSO sign-in starts, downloads) are real navigations, never in-app routes. */
const IN_APP_LINKS = /^(?!\/api\/)/;

export function App() {
	return (
		<LocationProvider scope={IN_APP_LINKS}>
			<ErrorBoundary>
				<Pages />
			</ErrorBoundary>
			<UpdatePrompt />
		</LocationProvider>
	);
}
