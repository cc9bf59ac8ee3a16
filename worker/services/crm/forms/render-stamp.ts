/**
 * The signed render stamp of a lead form: when the form was shown and the submission id it was
 * shown with, sealed (AES-GCM, the deployment's key ring) and bound to the tenant and form. The
 * minimum fill time is measured from it, and its submission id makes a re-sent submission take
 * effect once. A forged, altered or other-form stamp does not open.
 */
import { newId } from "../../../lib/ids";
import { openStoredSecret, sealStoredSecret } from "../../../lib/secret-keys";

export type RenderStamp = { renderedAt: number; submissionId: string };

function stampContext(tenantId: string, formId: string): string {
	return `crm-form-stamp:${tenantId}:${formId}`;
}

/** A fresh stamp for one rendering of the form. */
export function issueRenderStamp(tenantId: string, formId: string, now = Date.now()): Promise<string> {
	return sealStoredSecret(`${now}|${newId(now)}`, stampContext(tenantId, formId));
}

/** The stamp's contents, or null when it is missing, forged, or for another form. */
export async function openRenderStamp(tenantId: string, formId: string, stamp: string | undefined): Promise<RenderStamp | null> {
	if (!stamp || stamp.length > 400) return null;
	try {
		const opened = await openStoredSecret(stamp, stampContext(tenantId, formId));
		// A plain (unsealed) value opens as itself: a stamp must have been sealed.
		if (opened.plaintext === stamp) return null;
		const [at, submissionId] = opened.plaintext.split("|");
		const renderedAt = Number(at);
		if (!Number.isSafeInteger(renderedAt) || !submissionId) return null;
		return { renderedAt, submissionId };
	} catch {
		return null;
	}
}
