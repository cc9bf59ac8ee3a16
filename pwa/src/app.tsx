/**
 * The app: which pages exist depends on the host (platform → sign-up; agency → sign-in and the
 * signed-in frame). Pages load lazily; protected pages send signed-out visitors to sign-in.
 */

import { useEffect } from "preact/hooks";
import { ErrorBoundary, LocationProvider, lazy, Route, Router, useLocation } from "preact-iso";
import { AppFrame } from "./components/app-frame";
import { FrameSkeleton } from "./components/skeleton";
import { UpdatePrompt } from "./components/update-prompt";
import { isPlatformHost, isSignedIn, sessionStatus } from "./models/session";
import Unavailable from "./routes/unavailable";

const SignUp = lazy(() => import("./routes/sign-up"));
const SignIn = lazy(() => import("./routes/sign-in"));
const Welcome = lazy(() => import("./routes/welcome"));
const Dashboard = lazy(() => import("./routes/dashboard"));
const Account = lazy(() => import("./routes/account"));
const ComingSoon = lazy(() => import("./routes/area"));
const NotFound = lazy(() => import("./routes/not-found"));

/** Sends a signed-out visitor to sign-in, remembering where they were going. */
function RedirectToSignIn() {
	const location = useLocation();
	useEffect(() => {
		const next = location.url === "/" ? "" : `?next=${encodeURIComponent(location.url)}`;
		location.route(`/signin${next}`, true);
	}, [location.url]);
	return <FrameSkeleton />;
}

function GoHome() {
	const location = useLocation();
	useEffect(() => location.route("/", true), []);
	return <FrameSkeleton />;
}

function PlatformRoutes() {
	return (
		<Router>
			<Route path="/" component={SignUp} />
			<Route path="/signup" component={SignUp} />
			<Route default component={GoHome} />
		</Router>
	);
}

function SignedOutRoutes() {
	return (
		<Router>
			<Route path="/signin" component={SignIn} />
			<Route path="/welcome" component={Welcome} />
			<Route default component={RedirectToSignIn} />
		</Router>
	);
}

function SignedInRoutes() {
	return (
		<AppFrame>
			<Router>
				<Route path="/" component={Dashboard} />
				<Route path="/account" component={Account} />
				<Route path="/signin" component={GoHome} />
				<Route path="/welcome" component={GoHome} />
				<Route path="/clients" component={ComingSoon} />
				<Route path="/projects" component={ComingSoon} />
				<Route path="/documents" component={ComingSoon} />
				<Route path="/messages" component={ComingSoon} />
				<Route path="/leads" component={ComingSoon} />
				<Route path="/analytics" component={ComingSoon} />
				<Route path="/reports" component={ComingSoon} />
				<Route path="/assistant" component={ComingSoon} />
				<Route path="/settings" component={ComingSoon} />
				<Route path="/invoices" component={ComingSoon} />
				<Route default component={NotFound} />
			</Router>
		</AppFrame>
	);
}

function Pages() {
	switch (sessionStatus.value) {
		case "loading":
			return <FrameSkeleton />;
		case "unknown-host":
		case "unreachable":
			return <Unavailable />;
		case "ready":
			if (isPlatformHost.value) return <PlatformRoutes />;
			return isSignedIn.value ? <SignedInRoutes /> : <SignedOutRoutes />;
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
