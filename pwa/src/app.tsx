/**
 * The app: which pages exist depends on the host and the session. The platform host offers
 * sign-up and the operator console; an agency's host offers sign-in, or the signed-in frame. Pages load lazily.
 */
import { ErrorBoundary, LocationProvider, lazy, Route, Router } from "preact-iso";
import { AppFrame } from "./components/app-frame";
import { ContinueAfterSignIn, RedirectToSignIn } from "./components/auth-redirects";
import { HostUnavailable } from "./components/host-unavailable";
import { Redirect } from "./components/redirect";
import { FrameSkeleton } from "./components/skeleton";
import { UpdatePrompt } from "./components/update-prompt";
import { CLIENT_AREAS, STAFF_AREAS } from "./models/areas";
import { isPlatformHost, isSignedIn, me, status } from "./models/session";

const SignUp = lazy(() => import("./routes/sign-up"));
const SignIn = lazy(() => import("./routes/sign-in"));
const Welcome = lazy(() => import("./routes/welcome"));
const Dashboard = lazy(() => import("./routes/dashboard"));
const Account = lazy(() => import("./routes/account"));
const ComingSoon = lazy(() => import("./routes/coming-soon"));
const NotFound = lazy(() => import("./routes/not-found"));
const Usage = lazy(() => import("./routes/usage"));
const Invite = lazy(() => import("./routes/invite"));
const Settings = lazy(() => import("./routes/settings/index"));
const SettingsTeam = lazy(() => import("./routes/settings/team"));
const SettingsRoles = lazy(() => import("./routes/settings/roles"));
const SettingsApiKeys = lazy(() => import("./routes/settings/api-keys"));
const SettingsAuditLog = lazy(() => import("./routes/settings/audit-log"));
const SettingsInvitationDomains = lazy(() => import("./routes/settings/invitation-domains"));
const SettingsSecurity = lazy(() => import("./routes/settings/security"));
const BrandSettings = lazy(() => import("./routes/brand-settings"));
const DomainSettings = lazy(() => import("./routes/domain-settings"));
const SettingsSso = lazy(() => import("./routes/settings/sso"));
const AccountSecurity = lazy(() => import("./routes/account-security"));
const VerifyEmail = lazy(() => import("./routes/verify-email"));
const ResetPassword = lazy(() => import("./routes/reset-password"));
const Unlock = lazy(() => import("./routes/unlock"));
const Clients = lazy(() => import("./routes/clients"));
const ClientDetail = lazy(() => import("./routes/client-detail"));
const Projects = lazy(() => import("./routes/projects"));
const ProjectDetail = lazy(() => import("./routes/project-detail"));
const Assistant = lazy(() => import("./routes/assistant"));
const Billing = lazy(() => import("./routes/billing"));
const Referrals = lazy(() => import("./routes/referrals"));
const Notifications = lazy(() => import("./routes/notifications"));
const Messages = lazy(() => import("./routes/messages"));
const MessageThread = lazy(() => import("./routes/message-thread"));
const SettingsMessaging = lazy(() => import("./routes/settings/messaging"));
const Documents = lazy(() => import("./routes/documents"));
const SharedFile = lazy(() => import("./routes/shared-file"));
const Bookings = lazy(() => import("./routes/bookings"));
const SettingsBookings = lazy(() => import("./routes/settings/bookings"));
const Support = lazy(() => import("./routes/support"));
const SupportTicket = lazy(() => import("./routes/support-ticket"));
const Announcements = lazy(() => import("./routes/announcements"));
const Surveys = lazy(() => import("./routes/surveys"));
const SettingsSupport = lazy(() => import("./routes/settings/support"));
const Downloads = lazy(() => import("./routes/downloads"));
const Operator = lazy(() => import("./routes/operator"));
const Onboarding = lazy(() => import("./routes/onboarding"));
const SettingsOnboarding = lazy(() => import("./routes/settings/onboarding"));

/**
 * The page a first load most likely shows, by address: the start page for a signed-in session,
 * the sign-in page. Its chunk starts loading with the app shell instead of after the session is
 * known, and the router then renders it without waiting (docs/PERFORMANCE.md, Lighthouse).
 */
const LIKELY_FIRST_PAGES: Record<string, { preload(): Promise<unknown> }> = { "/": Dashboard, "/signin": SignIn };

export function preloadFirstPage(pathname: string): void {
	void LIKELY_FIRST_PAGES[pathname]?.preload().catch(() => undefined);
}

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
			<Route path="/operator" component={Operator} />
			<Route default component={GoToStart} />
		</Router>
	);
}

function SignedOutPages() {
	return (
		<Router>
			<Route path="/signin" component={SignIn} />
			<Route path="/welcome" component={Welcome} />
			<Route path="/invite" component={Invite} />
			<Route path="/verify-email" component={VerifyEmail} />
			<Route path="/reset-password" component={ResetPassword} />
			<Route path="/unlock" component={Unlock} />
			<Route path="/s/:token" component={SharedFile} />
			<Route default component={RedirectToSignIn} />
		</Router>
	);
}

function GoToSecurity() {
	return <Redirect to="/account/security" />;
}

/** While the agency requires two-step sign-in of this user and it is not set up, only its setup page (and emailed links) open. */
function MfaSetupPages() {
	return (
		<AppFrame>
			<Router>
				<Route path="/account/security" component={AccountSecurity} />
				<Route path="/verify-email" component={VerifyEmail} />
				<Route default component={GoToSecurity} />
			</Router>
		</AppFrame>
	);
}

function SignedInPages() {
	if (me.value?.mfaSetupRequired) return <MfaSetupPages />;
	return (
		<AppFrame>
			<Router>
				<Route path="/" component={Dashboard} />
				<Route path="/account" component={Account} />
				<Route path="/account/security" component={AccountSecurity} />
				<Route path="/verify-email" component={VerifyEmail} />
				<Route path="/unlock" component={Unlock} />
				<Route path="/reset-password" component={GoToSecurity} />
				<Route path="/signin" component={ContinueAfterSignIn} />
				<Route path="/welcome" component={GoToStart} />
				<Route path="/usage" component={Usage} />
				<Route path="/invite" component={Invite} />
				<Route path="/settings" component={Settings} />
				<Route path="/settings/team" component={SettingsTeam} />
				<Route path="/settings/roles" component={SettingsRoles} />
				<Route path="/settings/api-keys" component={SettingsApiKeys} />
				<Route path="/settings/audit-log" component={SettingsAuditLog} />
				<Route path="/settings/invitation-domains" component={SettingsInvitationDomains} />
				<Route path="/settings/security" component={SettingsSecurity} />
				<Route path="/settings/brand" component={BrandSettings} />
				<Route path="/settings/domains" component={DomainSettings} />
				<Route path="/settings/messaging" component={SettingsMessaging} />
				<Route path="/settings/sso" component={SettingsSso} />
				<Route path="/settings/bookings" component={SettingsBookings} />
				<Route path="/clients" component={Clients} />
				<Route path="/clients/:id" component={ClientDetail} />
				<Route path="/projects" component={Projects} />
				<Route path="/projects/:id" component={ProjectDetail} />
				<Route path="/assistant" component={Assistant} />
				<Route path="/billing" component={Billing} />
				<Route path="/billing/referrals" component={Referrals} />
				<Route path="/notifications" component={Notifications} />
				<Route path="/messages" component={Messages} />
				<Route path="/messages/:id" component={MessageThread} />
				<Route path="/documents" component={Documents} />
				<Route path="/bookings" component={Bookings} />
				<Route path="/downloads" component={Downloads} />
				<Route path="/onboarding" component={Onboarding} />
				<Route path="/settings/onboarding" component={SettingsOnboarding} />
				<Route path="/s/:token" component={SharedFile} />
				<Route path="/support" component={Support} />
				<Route path="/support/:id" component={SupportTicket} />
				<Route path="/announcements" component={Announcements} />
				<Route path="/surveys" component={Surveys} />
				<Route path="/settings/support" component={SettingsSupport} />
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
