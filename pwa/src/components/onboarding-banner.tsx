/**
 * The checklist banner on a client's Home: the onboarding steps still open, until every required
 * one is done. Home loads the run together with its dashboard, so the banner never pushes the
 * cards down after they show.
 */
import { myRun, myRunOpen } from "../models/onboarding";

export function OnboardingBanner() {
	const run = myRun.value;
	if (!run || !myRunOpen.value) return null;
	return (
		<section class="card onboarding-banner" aria-labelledby="onboarding-banner-heading">
			<h2 id="onboarding-banner-heading">Finish setting up</h2>
			<p>
				{run.progress.requiredDone} of {run.progress.required} required steps done.
			</p>
			<ul class="checklist">
				{run.steps.map((step) => (
					<li key={step.id} class={step.status === "done" ? "done" : undefined}>
						<span aria-hidden="true">{step.status === "done" ? "✓" : "○"}</span> {step.title}
						<span class="visually-hidden">{step.status === "done" ? " (done)" : " (to do)"}</span>
						{!step.required && <span class="record-meta"> · optional</span>}
					</li>
				))}
			</ul>
			<a class="button primary" href="/onboarding">
				Continue onboarding
			</a>
		</section>
	);
}
