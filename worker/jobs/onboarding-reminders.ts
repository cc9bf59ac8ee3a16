/**
 * Job `onboarding-reminders` (started by cron): emails each person of a client whose onboarding is
 * still in progress about its open required steps — the first reminder two days after the run
 * started, then every three days, at most three (schema/onboarding.ts). The outbox key is the run,
 * the reminder number and the person, so each reminder goes out exactly once however often the job runs.
 * Platform work by nature: it reads every tenant's open runs, then sends within each tenant's scope.
 */
import { and, eq, isNull, lte } from "drizzle-orm";
import type { TemplateStepT } from "../../schema/dto/onboarding";
import { clients, onboardingRuns, onboardingStepStates, tenants } from "../../schema/index";
import type { JobOf } from "../../schema/jobs";
import { ONBOARDING_REMINDER_FIRST_AFTER_MS, reminderNumberDue } from "../../schema/onboarding";
import { tenantScope } from "../lib/db";
import { onboardingReminderEmail } from "../lib/email/onboarding";
import { sendOnce } from "../services/email/email-outbox";
import { listClientPeople } from "../services/portal/client-people";
import type { JobDeps } from "./job-deps";

export async function runOnboardingReminders(deps: JobDeps, job: JobOf<"onboarding-reminders">): Promise<void> {
	const open = await deps.db
		.select({ run: onboardingRuns, agencyName: tenants.name })
		.from(onboardingRuns)
		.innerJoin(
			clients,
			and(eq(clients.id, onboardingRuns.clientId), eq(clients.tenantId, onboardingRuns.tenantId), isNull(clients.deletedAt)),
		)
		.innerJoin(tenants, and(eq(tenants.id, onboardingRuns.tenantId), eq(tenants.status, "active")))
		.where(and(eq(onboardingRuns.status, "in_progress"), lte(onboardingRuns.startedAt, job.now - ONBOARDING_REMINDER_FIRST_AFTER_MS)));
	let sent = 0;
	for (const { run, agencyName } of open) {
		const number = reminderNumberDue(job.now - run.startedAt);
		if (number === 0) continue;
		const scope = tenantScope(deps.db, run.tenantId);
		const states = await scope.db
			.select()
			.from(onboardingStepStates)
			.where(scope.where(onboardingStepStates, eq(onboardingStepStates.runId, run.id)));
		const done = new Set(states.filter((s) => s.status === "done").map((s) => s.stepId));
		const openSteps = (JSON.parse(run.steps) as TemplateStepT[]).filter((s) => s.required && !done.has(s.id)).map((s) => s.title);
		if (openSteps.length === 0) continue;
		const identity = await deps.agencyEmail(run.tenantId);
		for (const person of await listClientPeople(scope, run.clientId)) {
			const rendered = onboardingReminderEmail({
				personName: person.name,
				agencyName,
				openSteps,
				onboardingUrl: `${await deps.tenantUrl(run.tenantId)}/onboarding`,
				brand: identity.brand,
			});
			const outcome = await sendOnce(scope, deps.email, {
				...rendered,
				idempotencyKey: `onboarding-reminder:${run.id}:${number}:${person.userId}`,
				template: "onboarding-reminder",
				from: identity.from,
				to: person.email,
			});
			if (outcome === "sent") sent += 1;
		}
	}
	deps.log.info("onboarding-reminders", { open: open.length, sent });
}
