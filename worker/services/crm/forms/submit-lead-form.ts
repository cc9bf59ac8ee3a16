/**
 * A public lead form submission, checked at the edge in this order: the form exists here and is
 * published; its workspace's client is not paused and the agency's plan is not restricted (a clear
 * error, nothing stored); per-IP and per-form rate limits (TenantGate's token buckets); a re-sent
 * submission (same stamp) answers as the first did; the honeypot is empty; the signed render stamp
 * opens and is at least MIN_FILL_MS old (and not stale); Turnstile's siteverify passes. Any spam
 * check that fails is counted by reason and answers the same `rejected` outcome, whichever it was.
 * Then the answers are read against the form (422 naming the field) and the lead is stored once;
 * a double opt-in form's lead waits for its confirmation email's link.
 */
import { and, eq } from "drizzle-orm";
import { type FormSuccess, MAX_STAMP_AGE_MS, MIN_FILL_MS, type RejectionReason, SUBMISSION_NAMES } from "../../../../schema/crm-forms";
import { type CrmForm, clients, crmForms, crmLeads } from "../../../../schema/index";
import { RATE_RULES } from "../../../../schema/rate-limits";
import type { TenantScope } from "../../../lib/db";
import { newId } from "../../../lib/ids";
import { Problem, problems } from "../../../lib/problem";
import { loadAccessState } from "../../billing/entitlements";
import { type GateNamespace, takeTokens } from "../../security/rate-limits";
import { newOptIn, sendOptInEmail } from "./lead-opt-in";
import { countRejection } from "./rejections";
import { openRenderStamp } from "./render-stamp";
import { readSubmission } from "./submission-values";
import { type TurnstileSettings, verifyTurnstile } from "./turnstile";

export type SubmitDeps = { scope: TenantScope; gates: GateNamespace; turnstile: TurnstileSettings | null; jobs: { JOBS: Queue } };

export type SubmitInput = { formId: string; body: Record<string, string>; ip: string | null; now?: number };

export type SubmitOutcome =
	| { kind: "accepted"; formId: string; success: FormSuccess; confirmEmail: boolean; leadId: string; replay: boolean }
	| { kind: "rejected"; formId: string };

/** The token buckets a submission takes from, in the agency's TenantGate: its IP address's, then its form's. */
export function leadFormBuckets(ip: string | null, formId: string) {
	return [
		{ key: `lead-form:ip:${ip ?? "unknown"}`, rule: RATE_RULES.leadFormPerIp },
		{ key: `lead-form:form:${formId}`, rule: RATE_RULES.leadFormPerForm },
	] as const;
}

/** The published form under `formId` in this tenant, or 404 (another tenant's id, a draft, a deleted form). */
export async function publishedForm(scope: TenantScope, formId: string): Promise<CrmForm> {
	const [form] = await scope.db
		.select()
		.from(crmForms)
		.where(scope.where(crmForms, eq(crmForms.id, formId)))
		.limit(1);
	if (!form || form.status === "draft") throw problems.notFound("There is no form at this address.");
	return form;
}

function unavailable(detail: string): Problem {
	return new Problem(403, "form-unavailable", "This form is not taking submissions", detail);
}

/**
 * Throws a clear error when the form, its client or the agency's plan stops submissions; counts
 * the refusal unless told not to (the hosted page checks before it shows the form).
 */
export async function assertTakingSubmissions(scope: TenantScope, form: CrmForm, now: number, options = { count: true }): Promise<void> {
	if (form.status === "paused") throw unavailable("This form is paused.");
	if (form.clientId) {
		const [client] = await scope.db
			.select({ status: clients.status })
			.from(clients)
			.where(scope.where(clients, eq(clients.id, form.clientId)))
			.limit(1);
		if (!client || client.status === "paused" || client.status === "archived") {
			if (options.count) await countRejection(scope, form.id, "client_paused", now);
			throw unavailable("The business behind this form has paused it.");
		}
	}
	if ((await loadAccessState(scope, now)).restricted) {
		if (options.count) await countRejection(scope, form.id, "plan_restricted", now);
		throw unavailable("This form cannot take submissions until the agency's plan is in good standing.");
	}
}

async function existingLead(scope: TenantScope, formId: string, submissionId: string): Promise<string | null> {
	const [row] = await scope.db
		.select({ id: crmLeads.id })
		.from(crmLeads)
		.where(scope.where(crmLeads, and(eq(crmLeads.formId, formId), eq(crmLeads.submissionId, submissionId))))
		.limit(1);
	return row?.id ?? null;
}

/** The first spam check that fails, or null when all pass. Cheap checks first; Turnstile's network call last. */
async function spamCheck(
	deps: SubmitDeps,
	input: SubmitInput,
	submissionId: string | null,
	renderedAt: number | null,
	now: number,
): Promise<RejectionReason | null> {
	if ((input.body[SUBMISSION_NAMES.honeypot] ?? "") !== "") return "honeypot";
	if (renderedAt === null || submissionId === null) return "bad_stamp";
	if (now - renderedAt < MIN_FILL_MS) return "too_fast";
	if (now - renderedAt > MAX_STAMP_AGE_MS) return "stale";
	if (deps.turnstile) {
		const verdict = await verifyTurnstile(deps.turnstile, input.body[SUBMISSION_NAMES.turnstile], input.ip, submissionId);
		if (!verdict.ok) return "turnstile";
	}
	return null;
}

export async function submitLeadForm(deps: SubmitDeps, input: SubmitInput): Promise<SubmitOutcome> {
	const now = input.now ?? Date.now();
	const { scope } = deps;
	const form = await publishedForm(scope, input.formId);
	await assertTakingSubmissions(scope, form, now);
	const rejected = async (reason: RejectionReason): Promise<SubmitOutcome> => {
		await countRejection(scope, form.id, reason, now);
		return { kind: "rejected", formId: form.id };
	};
	const limit = await takeTokens(deps.gates, scope.tenantId, leadFormBuckets(input.ip, form.id));
	if (!limit.allowed) return rejected("rate_limited");
	const stamp = await openRenderStamp(scope.tenantId, form.id, input.body[SUBMISSION_NAMES.stamp]);
	const accepted = (leadId: string, replay: boolean): SubmitOutcome => ({
		kind: "accepted",
		formId: form.id,
		success: form.success,
		confirmEmail: form.doubleOptIn,
		leadId,
		replay,
	});
	if (stamp) {
		const earlier = await existingLead(scope, form.id, stamp.submissionId);
		if (earlier) return accepted(earlier, true);
	}
	const failed = await spamCheck(deps, input, stamp?.submissionId ?? null, stamp?.renderedAt ?? null, now);
	if (failed || !stamp) return rejected(failed ?? "bad_stamp");
	const read = readSubmission(form, input.body, now);
	if (!read.ok) throw problems.validation(read.errors);
	const leadId = newId(now);
	const { columns } = read.lead;
	// Double opt-in needs an address to confirm.
	const optIn = form.doubleOptIn && columns.email ? newOptIn(now) : null;
	const inserted = await scope
		.insert(crmLeads, {
			id: leadId,
			clientId: form.clientId,
			formId: form.id,
			submissionId: stamp.submissionId,
			source: "form",
			status: "new",
			email: columns.email ?? null,
			firstName: columns.firstName ?? null,
			lastName: columns.lastName ?? null,
			phone: columns.phone ?? null,
			company: columns.company ?? null,
			title: columns.title ?? null,
			message: columns.message ?? null,
			values: read.lead.values,
			hidden: read.lead.hidden,
			consents: read.lead.consents,
			...(optIn ? optIn.columns : { optIn: "not_required" as const }),
			createdAt: now,
			updatedAt: now,
		})
		.onConflictDoNothing()
		.returning({ id: crmLeads.id });
	if (inserted.length === 0) {
		// The same submission won a race with this one: answer as it did.
		const winner = await existingLead(scope, form.id, stamp.submissionId);
		return accepted(winner ?? leadId, true);
	}
	if (optIn) await sendOptInEmail(deps.jobs, scope.tenantId, leadId, optIn.token);
	return accepted(leadId, false);
}
