/**
 * Starting a client's onboarding, whichever entry point asks (staff's "start onboarding", or a new
 * client created pending setup): the run starts once, and its start is audited once, by whoever
 * started it. A second start answers the existing run and records nothing.
 */
import type { OnboardingRunRow } from "../../../schema/index";
import type { TenantScope } from "../../lib/db";
import { recordAudit, type Who } from "../audit/audit-log";
import { startRun } from "./runs";

/** Who starts it: the audit actor and origin, and the member recorded as `startedBy` (for an API key, its creator). */
export type OnboardingStarter = Who & { memberId: string | null };

export async function startOnboarding(
	scope: TenantScope,
	clientId: string,
	starter: OnboardingStarter,
	now = Date.now(),
): Promise<{ run: OnboardingRunRow; created: boolean }> {
	const started = await startRun(scope, clientId, starter.memberId, now);
	if (started.created) {
		await recordAudit(
			scope,
			{
				action: "onboarding.started",
				actor: starter.actor,
				target: { type: "client", id: clientId },
				detail: { runId: started.run.id },
				ip: starter.ip,
				userAgent: starter.userAgent,
			},
			now,
		);
	}
	return started;
}
