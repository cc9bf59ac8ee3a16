/** The start page: the agency's dashboard for staff, Home for a client's people. */
import { useEffect } from "preact/hooks";
import { CLIENT_STATUSES } from "../../../schema/portal";
import { FormAlert } from "../components/form-kit/form-alert";
import { OnboardingBanner } from "../components/onboarding-banner";
import { ProgressBar } from "../components/progress-bar";
import { useDocumentTitle } from "../components/use-document-title";
import { formatDate, prepareDateFormats } from "../lib/date-format";
import { CLIENT_STATUS_LABELS } from "../lib/portal-labels";
import { whenIdle } from "../lib/when-idle";
import { homeArea } from "../models/areas";
import { clientDashboard, dashboardProblem, loadClientDashboard, loadStaffDashboard, staffDashboard } from "../models/dashboards";
import { loadMyRun, myRunLoaded } from "../models/onboarding";
import { can, firstName, isStaff, tenant } from "../models/session";
import { RecentDocuments, RecentMessages, UnreadMessages } from "./dashboard-activity";
import { NextBooking, UpcomingBookings } from "./dashboard-bookings";

/** While the dashboard's data is on the way: its date formatters, so the render that shows the data stays short. */
function prepareFormatsWhenIdle(): void {
	whenIdle(() => {
		prepareDateFormats("date", "when");
	});
}

type Line = { id: string; title: string; projectId: string; projectName: string; clientName: string; dueAt?: number | null };

function LineList({ lines, empty, showClient, dated }: { lines: Line[]; empty: string; showClient: boolean; dated: boolean }) {
	if (lines.length === 0) return <p>{empty}</p>;
	return (
		<ul class="record-list">
			{lines.map((line) => (
				<li key={line.id} class="record record-stacked">
					<a href={`/projects/${line.projectId}`} class="record-title">
						{line.title}
					</a>
					<span class="record-meta">
						{showClient ? `${line.clientName} · ` : ""}
						{line.projectName}
						{dated ? ` · due ${formatDate(line.dueAt)}` : ""}
					</span>
				</li>
			))}
		</ul>
	);
}

function StaffDashboard() {
	useEffect(() => {
		void loadStaffDashboard();
		prepareFormatsWhenIdle();
	}, []);
	const dash = staffDashboard.value;
	if (!dash) return <div class="skeleton skeleton-card" />;
	return (
		<>
			<section class="card" aria-labelledby="clients-status-heading">
				<h2 id="clients-status-heading">Clients</h2>
				<dl class="stats">
					{CLIENT_STATUSES.map((s) => (
						<div key={s}>
							<dt>{CLIENT_STATUS_LABELS[s]}</dt>
							<dd>{dash.clientsByStatus[s] ?? 0}</dd>
						</div>
					))}
				</dl>
				<a href="/clients">Open the client list</a>
			</section>
			<section class="card" aria-labelledby="overdue-heading">
				<h2 id="overdue-heading">Overdue tasks</h2>
				<LineList lines={dash.overdueTasks} empty="Nothing overdue." showClient dated />
			</section>
			<section class="card" aria-labelledby="approval-heading">
				<h2 id="approval-heading">Waiting for client approval</h2>
				<LineList lines={dash.awaitingApproval} empty="No deliverable is waiting." showClient dated={false} />
			</section>
			<section class="card" aria-labelledby="upcoming-heading">
				<h2 id="upcoming-heading">Milestones in the next two weeks</h2>
				<LineList lines={dash.upcomingMilestones} empty="No milestone due soon." showClient dated />
			</section>
			{dash.unreadMessages ? <UnreadMessages unread={dash.unreadMessages} /> : null}
			{dash.upcomingBookings ? <UpcomingBookings bookings={dash.upcomingBookings} /> : null}
		</>
	);
}

function ClientHome() {
	useEffect(() => {
		void loadClientDashboard();
		void loadMyRun();
		prepareFormatsWhenIdle();
	}, []);
	const dash = clientDashboard.value;
	// Both answers before the cards: the onboarding banner sits above them and must not shift them.
	if (!dash || !myRunLoaded.value) return <div class="skeleton skeleton-card" />;
	return (
		<>
			{/* Open onboarding steps: the checklist banner lists them until every required step is done. */}
			<OnboardingBanner />
			<section class="card" aria-labelledby="home-projects-heading">
				<h2 id="home-projects-heading">Your projects</h2>
				{dash.projects.length === 0 ? (
					<p>No projects yet. Your agency will add them here.</p>
				) : (
					<ul class="record-list">
						{dash.projects.map((p) => (
							<li key={p.id} class="record record-stacked">
								<a href={`/projects/${p.id}`} class="record-title">
									{p.name}
								</a>
								<ProgressBar progress={p.progress} label={`${p.name} progress`} />
								<span class="record-meta">
									{p.nextMilestone ? `Next: ${p.nextMilestone.title}, due ${formatDate(p.nextMilestone.dueAt)}` : "No milestone ahead"}
								</span>
							</li>
						))}
					</ul>
				)}
			</section>
			<section class="card" aria-labelledby="review-heading">
				<h2 id="review-heading">Waiting for your review</h2>
				<LineList lines={dash.awaitingMyReview} empty="Nothing waiting for you." showClient={false} dated={false} />
			</section>
			<section class="card" aria-labelledby="my-tasks-heading">
				<h2 id="my-tasks-heading">Your open tasks</h2>
				<LineList lines={dash.myOpenTasks} empty="No open tasks." showClient={false} dated />
			</section>
			{dash.recentDocuments ? <RecentDocuments documents={dash.recentDocuments} /> : null}
			{dash.recentMessages ? <RecentMessages messages={dash.recentMessages} /> : null}
			{can("bookings:read") ? <NextBooking booking={dash.nextBooking} /> : null}
		</>
	);
}

export default function Dashboard() {
	useDocumentTitle(homeArea.value?.label ?? "");
	const agency = tenant.value?.name ?? "your agency";
	return (
		<>
			<h1>Welcome, {firstName.value}</h1>
			<p class="lead">
				{isStaff.value ? `Today's work across ${agency}'s clients.` : `Your projects with ${agency}: where they stand and what needs you.`}
			</p>
			<FormAlert message={dashboardProblem.value?.detail ?? null} />
			{isStaff.value ? <StaffDashboard /> : <ClientHome />}
		</>
	);
}
