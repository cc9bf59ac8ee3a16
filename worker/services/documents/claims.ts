/**
 * Claiming a version id before any byte reaches R2. A version's id is its upload's id (often made by
 * the client, so an offline retry is recognised) and names its R2 object, so every writer — a
 * one-request upload, a multipart upload, a restore — first inserts its `document_uploads` row (the
 * claim) and only then writes to R2; the claim is settled (marked completed) in the same batch that
 * records the version. Ids are unique across agencies: an id held by any upload or version, of this
 * agency or another, is the one `409` naming `id` (problems.idTaken), and nothing is written.
 * A claim left pending (a writer that died between steps) is cleaned up by the abandoned-uploads job.
 */
import { eq } from "drizzle-orm";
import { type DocumentUploadRow, documentUploads, documentVersions } from "../../../schema/index";
import type { TenantScope } from "../../lib/db";

export type NewClaim = Omit<DocumentUploadRow, "tenantId" | "status" | "documentId">;

/**
 * Whether any version, of any agency, already has this id. Platform-wide by nature: ids are unique
 * across agencies, and a version recorded before claims existed (an early restore) has no upload row.
 */
export async function versionIdHeld(scope: TenantScope, id: string): Promise<boolean> {
	const [row] = await scope.db.select({ id: documentVersions.id }).from(documentVersions).where(eq(documentVersions.id, id)).limit(1);
	return row !== undefined;
}

/** Inserts the pending upload row for `claim.id`; null when the id is already held by anyone (nothing inserted). */
export async function claimVersionId(scope: TenantScope, claim: NewClaim): Promise<DocumentUploadRow | null> {
	if (await versionIdHeld(scope, claim.id)) return null;
	const [row] = await scope
		.insert(documentUploads, { ...claim, status: "pending", documentId: null })
		.onConflictDoNothing()
		.returning();
	return row ?? null;
}

/** Gives a claim back after its R2 write failed, so the id is free again and no row is left behind. */
export async function releaseClaim(scope: TenantScope, id: string): Promise<void> {
	await scope.delete(documentUploads, eq(documentUploads.id, id), eq(documentUploads.status, "pending"));
}

/** Marks a pending claim completed as a version of `documentId` (run in the batch that records the version). */
export function settleClaim(scope: TenantScope, id: string, documentId: string, now: number) {
	return scope.update(
		documentUploads,
		{ status: "completed", documentId, updatedAt: now },
		eq(documentUploads.id, id),
		eq(documentUploads.status, "pending"),
	);
}
