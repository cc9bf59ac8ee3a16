/**
 * Signing the agreement step: the signer must have been shown exactly the text on record (its
 * SHA-256 is sent and compared), and the record keeps that text, its hash, the typed name or drawn
 * path, the time, IP and user agent. A signature is written once; nothing updates it. Both sides
 * can download it as a self-contained HTML page.
 */
import { eq } from "drizzle-orm";
import type { z } from "zod";
import type { SignatureInput } from "../../../schema/dto/onboarding";
import { type OnboardingRunRow, type OnboardingSignatureRow, onboardingSignatures } from "../../../schema/index";
import type { TenantScope } from "../../lib/db";
import { escapeHtml } from "../../lib/email/render";
import { newId } from "../../lib/ids";
import { Problem, problems } from "../../lib/problem";
import type { RequestOrigin } from "../sessions/sessions";

export async function sha256Hex(text: string): Promise<string> {
	const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
	return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

export async function findSignature(scope: TenantScope, runId: string, stepId: string): Promise<OnboardingSignatureRow | null> {
	const [row] = await scope.db
		.select()
		.from(onboardingSignatures)
		.where(scope.where(onboardingSignatures, eq(onboardingSignatures.runId, runId), eq(onboardingSignatures.stepId, stepId)))
		.limit(1);
	return row ?? null;
}

export async function getSignature(scope: TenantScope, clientId: string, id: string): Promise<OnboardingSignatureRow> {
	const [row] = await scope.db
		.select()
		.from(onboardingSignatures)
		.where(scope.where(onboardingSignatures, eq(onboardingSignatures.id, id), eq(onboardingSignatures.clientId, clientId)))
		.limit(1);
	if (!row) throw problems.notFound("There is no signed agreement with this id.");
	return row;
}

export type Signer = { userId: string; origin: RequestOrigin };

/**
 * Records the signature of `text`; a replay by the same person with the same signature returns the
 * first record, anything else once signed is a 409.
 */
export async function signAgreement(
	scope: TenantScope,
	run: OnboardingRunRow,
	stepId: string,
	text: string,
	input: { signature: z.infer<typeof SignatureInput>; textSha256: string },
	signer: Signer,
	now = Date.now(),
): Promise<{ signature: OnboardingSignatureRow; created: boolean }> {
	const hash = await sha256Hex(text);
	const existing = await findSignature(scope, run.id, stepId);
	if (existing) {
		const same =
			existing.signerUserId === signer.userId &&
			existing.method === input.signature.method &&
			existing.signerName === input.signature.name.trim();
		if (same) return { signature: existing, created: false };
		throw new Problem(409, "already-signed", "Already signed", "This agreement is signed; a signed agreement cannot change.", {
			errors: [{ path: "signature", message: "is already given for this agreement" }],
		});
	}
	if (input.textSha256 !== hash) {
		throw problems.validation([{ path: "textSha256", message: "does not match the agreement text on record; reload and read it again" }]);
	}
	const id = newId(now);
	await scope.db
		.insert(onboardingSignatures)
		.values({
			id,
			tenantId: scope.tenantId,
			runId: run.id,
			clientId: run.clientId,
			stepId,
			signerUserId: signer.userId,
			signerName: input.signature.name.trim(),
			method: input.signature.method,
			svgPath: input.signature.method === "drawn" ? input.signature.svgPath : null,
			signedText: text,
			textSha256: hash,
			signedAt: now,
			ip: signer.origin.ip,
			userAgent: signer.origin.userAgent?.slice(0, 512) ?? null,
		})
		.onConflictDoNothing();
	const saved = await findSignature(scope, run.id, stepId);
	if (!saved) throw new Error("signature insert returned nothing");
	return { signature: saved, created: saved.id === id };
}

/** The signed record as a standalone HTML page (what "Download" saves). */
export function signatureHtml(row: OnboardingSignatureRow, agencyName: string): string {
	const signed = new Date(row.signedAt).toISOString();
	const mark =
		row.method === "drawn" && row.svgPath
			? `<svg role="img" aria-label="Drawn signature of ${escapeHtml(row.signerName)}" viewBox="0 0 600 200" width="300" height="100"><path d="${escapeHtml(row.svgPath)}" fill="none" stroke="#111" stroke-width="3" stroke-linecap="round" stroke-linejoin="round"/></svg>`
			: `<p style="font:italic 2rem serif">${escapeHtml(row.signerName)}</p>`;
	return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Signed agreement — ${escapeHtml(agencyName)}</title></head>
<body style="font-family:system-ui,sans-serif;max-width:48rem;margin:2rem auto;padding:0 1rem">
<h1>Signed agreement</h1>
<pre style="white-space:pre-wrap;font:inherit;border:1px solid #ccc;padding:1rem">${escapeHtml(row.signedText)}</pre>
<h2>Signature</h2>
${mark}
<dl>
<dt>Signed by</dt><dd>${escapeHtml(row.signerName)} (${row.method === "drawn" ? "drawn" : "typed"})</dd>
<dt>Signed at (UTC)</dt><dd>${signed}</dd>
<dt>IP address</dt><dd>${escapeHtml(row.ip ?? "unknown")}</dd>
<dt>Device</dt><dd>${escapeHtml(row.userAgent ?? "unknown")}</dd>
<dt>SHA-256 of the signed text</dt><dd><code>${row.textSha256}</code></dd>
</dl>
</body></html>`;
}
