/** Surveys: a client person answers the CSAT or NPS question a completed milestone asked; the agency reads results per client. */
import { useSignal } from "@preact/signals";
import { useEffect } from "preact/hooks";
import { SURVEY_SCALES } from "../../../schema/support";
import { FormAlert } from "../components/form-kit/form-alert";
import { byNumber, byText, DataTable } from "../components/kit/data-table";
import { useDocumentTitle } from "../components/use-document-title";
import { can } from "../models/session";
import { answerSurvey, loadMySurveys, loadResults, mySurveys, type Results, results, type Survey, surveysProblem } from "../models/surveys";
import NotFound from "./not-found";

const QUESTIONS = {
	csat: "How satisfied are you with this milestone? (1 = very unsatisfied, 5 = very satisfied)",
	nps: "How likely are you to recommend us to a friend or colleague? (0 = not at all, 10 = extremely likely)",
};

function SurveyForm({ survey }: { survey: Survey }) {
	const score = useSignal<number | null>(null);
	const comment = useSignal("");
	const failure = useSignal<string | null>(null);
	const scale = SURVEY_SCALES[survey.kind];
	const scores = Array.from({ length: scale.max - scale.min + 1 }, (_, i) => scale.min + i);
	const submit = async (event: Event) => {
		event.preventDefault();
		if (score.value === null) {
			failure.value = "Choose a score first.";
			return;
		}
		const result = await answerSurvey(survey.id, score.value, comment.value);
		failure.value = result.ok ? null : result.problem.detail;
	};
	return (
		<form class="card" onSubmit={submit} noValidate aria-labelledby={`survey-${survey.id}`}>
			<h2 id={`survey-${survey.id}`}>
				{survey.projectName}: {survey.milestoneTitle}
			</h2>
			<FormAlert message={failure.value} />
			<fieldset class="score-scale">
				<legend>{QUESTIONS[survey.kind]}</legend>
				{scores.map((s) => (
					<label key={s}>
						<input type="radio" name={`score-${survey.id}`} value={s} checked={score.value === s} onChange={() => (score.value = s)} /> {s}
					</label>
				))}
			</fieldset>
			<div class="field">
				<label for={`comment-${survey.id}`}>Anything to add? (optional)</label>
				<textarea id={`comment-${survey.id}`} rows={2} value={comment.value} onInput={(e) => (comment.value = e.currentTarget.value)} />
			</div>
			<button type="submit" class="button primary">
				Send answer
			</button>
		</form>
	);
}

function ClientSurveys() {
	useEffect(() => {
		void loadMySurveys();
	}, []);
	const list = mySurveys.value;
	if (list === null) return <div class="skeleton skeleton-card" />;
	const open = list.filter((s) => s.respondedAt === null);
	const answered = list.filter((s) => s.respondedAt !== null);
	return (
		<>
			{open.length === 0 && <p>No questions waiting for you. Thank you!</p>}
			{open.map((s) => (
				<SurveyForm key={s.id} survey={s} />
			))}
			{answered.length > 0 && (
				<section aria-labelledby="answered-heading">
					<h2 id="answered-heading">Answered</h2>
					<ul class="support-list">
						{answered.map((s) => (
							<li key={s.id} class="card">
								{s.projectName}: {s.milestoneTitle} — you gave {s.score}
								{s.comment ? ` (“${s.comment}”)` : ""}
							</li>
						))}
					</ul>
				</section>
			)}
		</>
	);
}

const show = (value: number | null, suffix = "") => (value === null ? "—" : `${value}${suffix}`);

function ResultsTable({ data }: { data: Results }) {
	const rows = [
		{ key: "agency", name: "Whole agency", ...data.agency },
		...data.clients.map((c) => ({ key: c.clientId, name: c.clientName, ...c })),
	];
	return (
		<DataTable
			caption="CSAT and NPS by client"
			showCaption
			rows={rows}
			rowKey={(r) => r.key}
			empty="No answers yet."
			columns={[
				{ key: "client", header: "Client", rowHeader: true, cell: (r) => r.name, sort: byText((r) => r.name) },
				{ key: "csat", header: "CSAT answers", cell: (r) => r.csat.responses, sort: byNumber((r) => r.csat.responses) },
				{
					key: "satisfied",
					header: "Satisfied",
					cell: (r) => show(r.csat.satisfiedPercent, "%"),
					sort: byNumber((r) => r.csat.satisfiedPercent ?? -1),
				},
				{ key: "average", header: "Average (1–5)", cell: (r) => show(r.csat.average), sort: byNumber((r) => r.csat.average ?? -1) },
				{ key: "nps-answers", header: "NPS answers", cell: (r) => r.nps.responses, sort: byNumber((r) => r.nps.responses), hideable: true },
				{
					key: "split",
					header: "Promoters / passives / detractors",
					cell: (r) => `${r.nps.promoters} / ${r.nps.passives} / ${r.nps.detractors}`,
					hideable: true,
				},
				{ key: "nps", header: "NPS", cell: (r) => show(r.nps.score), sort: byNumber((r) => r.nps.score ?? -101) },
			]}
			id="survey-results"
		/>
	);
}

function AgencyResults() {
	const from = useSignal("");
	const to = useSignal("");
	const reload = () => {
		const toMs = to.value ? new Date(to.value).getTime() + 24 * 60 * 60 * 1000 : undefined;
		void loadResults(from.value ? new Date(from.value).getTime() : undefined, toMs);
	};
	useEffect(reload, []);
	return (
		<>
			<form
				class="card inline-form"
				onSubmit={(e) => {
					e.preventDefault();
					reload();
				}}
				aria-label="Filter results by date"
			>
				<label for="results-from">From</label>
				<input id="results-from" type="date" value={from.value} onInput={(e) => (from.value = e.currentTarget.value)} />
				<label for="results-to">To</label>
				<input id="results-to" type="date" value={to.value} onInput={(e) => (to.value = e.currentTarget.value)} />
				<button type="submit" class="button secondary">
					Show results
				</button>
			</form>
			{results.value ? <ResultsTable data={results.value} /> : <div class="skeleton skeleton-card" />}
			<p class="muted">
				CSAT: share of answers of 4 or 5. NPS: % promoters (9–10) minus % detractors (0–6). Whether milestones ask, and which question, is
				set in Settings → Support.
			</p>
		</>
	);
}

export default function Surveys() {
	useDocumentTitle("Surveys");
	const agency = can("surveys:read");
	const client = can("surveys:respond");
	if (!agency && !client) return <NotFound />;
	return (
		<>
			<h1>{agency ? "Satisfaction" : "Surveys"}</h1>
			<FormAlert message={surveysProblem.value?.detail ?? null} />
			{agency ? <AgencyResults /> : <ClientSurveys />}
		</>
	);
}
