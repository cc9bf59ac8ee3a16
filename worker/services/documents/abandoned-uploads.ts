/**
 * Uploads started and never finished. A multipart upload nobody completes or aborts keeps its parts
 * in R2 (paid storage, outside the plan's count) and its rows in D1; a one-request upload or restore
 * whose Worker died between claiming its id and recording the version leaves a pending claim and
 * perhaps an object. After ABANDONED_AFTER_MS without activity (a part sent bumps `updated_at`),
 * the nightly job aborts the R2 multipart upload (or deletes the claim's object) and removes the
 * rows. Platform-wide by nature (every agency), so it reads `db` directly; running it twice is
 * harmless: a second run finds nothing, and an upload R2 no longer knows counts as aborted.
 */
import { and, eq, inArray, lte } from "drizzle-orm";
import { documentUploadParts, documentUploads, documentVersions } from "../../../schema/index";
import type { Database } from "../../env";
import type { Logger } from "../../lib/logger";

/** A pending upload untouched this long is abandoned (R2 itself drops incomplete multipart uploads after 7 days). */
export const ABANDONED_AFTER_MS = 2 * 24 * 60 * 60 * 1000;
const BATCH = 100;

type Abandoned = { id: string; objectKey: string; multipartUploadId: string | null };

/** R2 answers an abort of an upload it no longer has (already aborted, or expired) with an error naming it. */
function isGoneUpload(error: unknown): boolean {
	return /NoSuchUpload|does not exist|not found/i.test(String(error));
}

async function dropStoredBytes(db: Database, files: R2Bucket, upload: Abandoned): Promise<void> {
	if (upload.multipartUploadId) {
		try {
			await files.resumeMultipartUpload(upload.objectKey, upload.multipartUploadId).abort();
		} catch (error) {
			if (!isGoneUpload(error)) throw error;
		}
		return;
	}
	// A claim's object is never a version's: the version and the settled claim are written together.
	// Ids recorded before claims existed are checked all the same.
	const [version] = await db
		.select({ id: documentVersions.id })
		.from(documentVersions)
		.where(eq(documentVersions.objectKey, upload.objectKey))
		.limit(1);
	if (!version) await files.delete(upload.objectKey);
}

/** Aborts and removes every upload pending since before `now - ABANDONED_AFTER_MS`; returns how many. */
export async function purgeAbandonedUploads(db: Database, files: R2Bucket, log: Logger, now = Date.now()): Promise<number> {
	const cutoff = now - ABANDONED_AFTER_MS;
	const stale = and(eq(documentUploads.status, "pending"), lte(documentUploads.updatedAt, cutoff));
	let purged = 0;
	for (;;) {
		const batch: Abandoned[] = await db
			.select({ id: documentUploads.id, objectKey: documentUploads.objectKey, multipartUploadId: documentUploads.multipartUploadId })
			.from(documentUploads)
			.where(stale)
			.limit(BATCH);
		for (const upload of batch) await dropStoredBytes(db, files, upload);
		if (batch.length > 0) {
			const ids = batch.map((u) => u.id);
			await db.batch([
				db.delete(documentUploadParts).where(inArray(documentUploadParts.uploadId, ids)),
				// Only rows still abandoned: one completed meanwhile keeps its row.
				db.delete(documentUploads).where(and(inArray(documentUploads.id, ids), stale)),
			]);
			purged += batch.length;
		}
		if (batch.length < BATCH) break;
	}
	log.info("purge-abandoned-uploads", { purged });
	return purged;
}
