/**
 * The app: which pages exist depends on the host and the session. The platform host offers
 * sign-up; an agency's host offers sign-in, or the signed-in frame. Pages load lazily.
 */
import { ErrorBoundary, LocationProvider, lazy, Route, Router } from "preact-iso";
import { AppFrame } from "./components/app-frame";
import { ContinueAfterSignIn, RedirectToSignIn } from "./components/auth-redirects";
import { HostUnavailable } from "./components/host-unavailable";
import { Redirect } from "./components/redirect";
import { FrameSkeleton } from "./components/skeleton";
import { UpdatePrompt } from "./components/update-prompt";
import { CLIENT_AREAS, STAFF_AREAS } from "./models/areas";
import { isPlatformHost, isSignedIn, status } from "./models/session";

const SignUp = lazy(() => import("./routes/sign-up"));
const SignIn = lazy(() => import("./routes/sign-in"));
const Welcome = lazy(() => import("./routes/welcome"));
const Dashboard = lazy(() => import("./routes/dashboard"));
const Account = lazy(() => import("./routes/account"));
const ComingSoon = lazy(() => import("./routes/coming-soon"));
const NotFound = lazy(() => import("./routes/not-found"));
const Usage = lazy(() => import("./routes/usage"));
const Billing = lazy(() => import("./routes/billing"));

/** Every area not built yet (the start page aside); ComingSoon shows 404 for an area the user's role does not have. */
const COMING_SOON_PATHS = [...new Set([...STAFF_AREAS, ...CLIENT_AREAS].filter((area) => !area.ready).map((area) => area.path))].filter(
	(path) => path !== "/",
);

function GoToStart() {
	return <Redirect to="/" />;
}

function PlatformPages() {
	return (
		<Router>
			<Route path="/" component={SignUp} />
			<Route path="/signup" component={SignUp} />
			<Route default component={GoToStart} />
		</Router>
	);
}

function SignedOutPages() {
	return (
		<Router>
			<Route path="/signin" component={SignIn} />
			<Route path="/welcome" component={Welcome} />
			<Route default component={RedirectToSignIn} />
		</Router>
	);
}

function SignedInPages() {
	return (
		<AppFrame>
			<Router>
				<Route path="/" component={Dashboard} />
				<Route path="/account" component={Account} />
				<Route path="/signin" component={ContinueAfterSignIn} />
				<Route path="/welcome" component={GoToStart} />
				<Route path="/usage" component={Usage} />
				<Route path="/billing" component={Billing} />
				{COMING_SOON_PATHS.map((path) => (
					<Route key={path} path={path} component={ComingSoon} />
				))}
				<Route default component={NotFound} />
			</Router>
		</AppFrame>
	);
}

function Pages() {
	switch (status.value) {
		case "loading":
			return <FrameSkeleton />;
		case "unknown-host":
		case "unreachable":
			return <HostUnavailable />;
		case "ready":
			if (isPlatformHost.value) return <PlatformPages />;
			return isSignedIn.value ? <SignedInPages /> : <SignedOutPages />;
	}
}

export function App() {
	return (
		<LocationProvider>
			<ErrorBoundary>
				<Pages />
			</ErrorBoundary>
			<UpdatePrompt />
		</LocationProvider>
	);
}
