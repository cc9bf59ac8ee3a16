/**
 * Double opt-in for leads: a single-use token (only its SHA-256 stored on the lead) that expires
 * after OPT_IN_LIFETIME_MS, emailed through the job queue and the email outbox; opening the link
 * and confirming marks the lead confirmed and spends the token.
 */
import { and, eq } from "drizzle-orm";
import { crmLeads } from "../../../../schema/index";
import type { TenantScope } from "../../../lib/db";
import { enqueue } from "../../../lib/jobs";
import { generateToken, tokenId } from "../../../lib/tokens";

export const OPT_IN_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000;

/** The columns a new lead needing confirmation gets, and the job that emails it its link. */
export function newOptIn(now: number): { token: string; columns: { optIn: "pending"; optInTokenHash: string; optInExpiresAt: number } } {
	const token = generateToken();
	return { token, columns: { optIn: "pending", optInTokenHash: tokenId(token), optInExpiresAt: now + OPT_IN_LIFETIME_MS } };
}

export async function sendOptInEmail(jobs: { JOBS: Queue }, tenantId: string, leadId: string, token: string): Promise<void> {
	await enqueue(jobs, { type: "lead-opt-in-email", tenantId, leadId, token, idempotencyKey: `lead-opt-in:${leadId}` });
}

export type OptInOutcome = "confirmed" | "expired" | "unknown";

/** Confirms the lead holding `token` (once: the token is spent); an expired or spent token changes nothing. */
export async function confirmOptIn(scope: TenantScope, token: string, now = Date.now()): Promise<OptInOutcome> {
	if (!/^[a-z2-7]{32}$/.test(token)) return "unknown";
	const hash = tokenId(token);
	const [lead] = await scope.db
		.select({ id: crmLeads.id, expiresAt: crmLeads.optInExpiresAt })
		.from(crmLeads)
		.where(scope.where(crmLeads, and(eq(crmLeads.optInTokenHash, hash), eq(crmLeads.optIn, "pending"))))
		.limit(1);
	if (!lead) return "unknown";
	if ((lead.expiresAt ?? 0) < now) return "expired";
	const done = await scope
		.update(
			crmLeads,
			{ optIn: "confirmed", optInConfirmedAt: now, optInTokenHash: null, updatedAt: now },
			eq(crmLeads.id, lead.id),
			eq(crmLeads.optInTokenHash, hash),
		)
		.returning({ id: crmLeads.id });
	return done.length > 0 ? "confirmed" : "unknown";
}
