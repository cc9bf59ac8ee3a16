/**
 * Onboarding. A client's people get the wizard: every step with its status, and the open one's form.
 * Staff get the overview of every client's onboarding with its progress.
 */
import { useSignal } from "@preact/signals";
import { useEffect } from "preact/hooks";
import { FormAlert } from "../components/form-kit/form-alert";
import { byNumber, byText, type Column, DataTable } from "../components/kit/data-table";
import { OnboardingFunnel } from "../components/onboarding/onboarding-funnel";
import { AgreementStep, DocumentsStep, KickoffStep, ProfileStep, QuestionnaireStep } from "../components/onboarding/step-forms";
import { useDocumentTitle } from "../components/use-document-title";
import { formatDate } from "../lib/date-format";
import {
	loadMyRun,
	loadRunSummaries,
	myRun,
	myRunLoaded,
	onboardingProblem,
	type RunStepT,
	type RunSummaryT,
	runSummaries,
} from "../models/onboarding";
import { can, isStaff } from "../models/session";
import NotFound from "./not-found";

const FORMS = {
	profile: ProfileStep,
	questionnaire: QuestionnaireStep,
	documents: DocumentsStep,
	kickoff_booking: KickoffStep,
	agreement: AgreementStep,
};

function Wizard() {
	useEffect(() => {
		void loadMyRun();
	}, []);
	const chosen = useSignal<string | null>(null);
	const run = myRun.value;
	if (!myRunLoaded.value) return <div class="skeleton skeleton-card" />;
	if (!run) return <p>Your agency has not set up an onboarding for you. Nothing to do here.</p>;
	const firstOpen = run.steps.find((s) => s.status !== "done");
	const current: RunStepT | undefined = run.steps.find((s) => s.id === chosen.value) ?? firstOpen ?? run.steps[0];
	const allDone = run.progress.requiredDone >= run.progress.required;
	const Form = current ? FORMS[current.kind] : null;
	return (
		<>
			<p role="status">
				{allDone
					? "You are all set: every required step is done."
					: `${run.progress.requiredDone} of ${run.progress.required} required steps done.`}
			</p>
			<nav aria-label="Onboarding steps" class="card">
				<ol class="checklist">
					{run.steps.map((step) => (
						<li key={step.id} class={step.status === "done" ? "done" : undefined}>
							<button
								type="button"
								class="link-button"
								aria-current={step.id === current?.id ? "step" : undefined}
								onClick={() => (chosen.value = step.id)}
							>
								<span aria-hidden="true">{step.status === "done" ? "✓ " : "○ "}</span>
								{step.title}
								<span class="visually-hidden">{step.status === "done" ? " (done)" : step.required ? " (to do)" : " (optional)"}</span>
							</button>
						</li>
					))}
				</ol>
			</nav>
			{current && Form && (
				<section class="card" aria-labelledby="onboarding-step-heading">
					<h2 id="onboarding-step-heading">{current.title}</h2>
					{current.description && <p>{current.description}</p>}
					<Form
						key={current.id}
						run={run}
						step={current}
						onDone={() => {
							// Move on to the next open step, unless the person already picked another step while this one saved.
							if (chosen.value === current.id) chosen.value = null;
						}}
					/>
				</section>
			)}
		</>
	);
}

function progressOf(r: RunSummaryT): string {
	return r.status === "completed" ? "Completed" : `${r.progress.requiredDone} of ${r.progress.required}`;
}

const OVERVIEW_COLUMNS: Column<RunSummaryT>[] = [
	{
		key: "client",
		header: "Client",
		rowHeader: true,
		cell: (r) => <a href={`/clients/${r.clientId}`}>{r.clientName}</a>,
		sort: byText((r) => r.clientName),
	},
	{
		key: "progress",
		header: "Required steps done",
		cell: progressOf,
		sort: byNumber((r) => (r.status === "completed" ? Infinity : r.progress.requiredDone)),
	},
	{ key: "next", header: "Next step", cell: (r) => r.nextStep ?? "—", sort: byText((r) => r.nextStep ?? "") },
	{ key: "started", header: "Started", cell: (r) => formatDate(r.startedAt), sort: byNumber((r) => r.startedAt) },
];

function Overview() {
	useEffect(() => {
		void loadRunSummaries();
	}, []);
	return (
		<DataTable
			caption="Every client's onboarding"
			rows={runSummaries.value}
			rowKey={(r) => r.id}
			empty="No client is onboarding. New clients pending setup start automatically."
			columns={OVERVIEW_COLUMNS}
		/>
	);
}

export default function Onboarding() {
	useDocumentTitle("Onboarding");
	if (isStaff.value ? !can("onboarding:manage") : !can("clients:own")) return <NotFound />;
	return (
		<>
			<h1>Onboarding</h1>
			<FormAlert message={onboardingProblem.value?.detail ?? null} />
			{isStaff.value ? (
				<>
					<p class="lead">Where each client stands. {can("tenant:manage") && <a href="/settings/onboarding">Design the steps</a>}</p>
					<OnboardingFunnel runs={runSummaries.value} />
					<Overview />
				</>
			) : (
				<Wizard />
			)}
		</>
	);
}
