/** A client's onboarding on the agency's client page: each step's status, who completed it and when, and staff actions. */

import { useSignal } from "@preact/signals";
import { useEffect } from "preact/hooks";
import { formatDate } from "../../lib/date-format";
import { loadStaffRun, markKickoffDone, signatureUrl, staffRun, staffRunMissing, startOnboarding } from "../../models/onboarding";
import { can } from "../../models/session";
import { FormAlert } from "../form-kit/form-alert";
import { Button } from "../kit/button";

export function OnboardingProgress({ clientId }: { clientId: string }) {
	const failure = useSignal<string | null>(null);
	useEffect(() => {
		if (can("onboarding:manage")) void loadStaffRun(clientId);
	}, [clientId]);
	if (!can("onboarding:manage")) return null;
	const run = staffRun.value?.clientId === clientId ? staffRun.value : null;
	return (
		<section class="card" aria-labelledby="onboarding-progress-heading">
			<h2 id="onboarding-progress-heading">Onboarding</h2>
			<FormAlert message={failure.value} />
			{staffRunMissing.value ? (
				<>
					<p>This client has no onboarding.</p>
					<Button
						variant="secondary"
						onClick={async () => {
							const result = await startOnboarding(clientId);
							failure.value = result.ok ? null : result.problem.detail;
						}}
					>
						Start onboarding
					</Button>
				</>
			) : !run ? (
				<div class="skeleton skeleton-line" />
			) : (
				<>
					<p>
						{run.status === "completed"
							? `Completed ${formatDate(run.completedAt)}.`
							: `${run.progress.requiredDone} of ${run.progress.required} required steps done (started ${formatDate(run.startedAt)}).`}
					</p>
					<ul class="record-list">
						{run.steps.map((step) => (
							<li key={step.id} class="record record-stacked">
								<span class="record-title">
									{step.title}
									{!step.required && " (optional)"}
								</span>
								<span class="record-meta">
									{step.status === "done" ? `Done ${formatDate(step.completedAt)} by ${step.completedBy ?? "someone"}` : "Waiting"}
								</span>
								{step.signature && (
									<a href={signatureUrl(clientId, step.signature.id)} download>
										Download the signed agreement
									</a>
								)}
								{step.kind === "kickoff_booking" && step.status !== "done" && (
									<Button
										variant="secondary"
										size="small"
										onClick={async () => {
											const result = await markKickoffDone(clientId, step.id);
											failure.value = result.ok ? null : result.problem.detail;
										}}
									>
										Mark kickoff done
									</Button>
								)}
							</li>
						))}
					</ul>
				</>
			)}
		</section>
	);
}
