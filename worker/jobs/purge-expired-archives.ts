/**
 * Job `purge-expired-archives` (daily, every tenant): deletes the R2 object of every archive past its
 * expiry and marks the row expired; an archive stuck in the making for over an hour (its job died)
 * is marked failed. Platform-wide by nature, so it reads `db` directly; deleting twice is harmless.
 */
import { and, inArray, lte } from "drizzle-orm";
import { deliverableArchives } from "../../schema/index";
import type { JobOf } from "../../schema/jobs";
import type { JobDeps } from "./job-deps";

const STUCK_AFTER_MS = 60 * 60 * 1000;
const BATCH = 200;

export async function runPurgeExpiredArchives(deps: JobDeps, job: JobOf<"purge-expired-archives">): Promise<void> {
	for (;;) {
		const expired = await deps.db
			.select({ id: deliverableArchives.id, objectKey: deliverableArchives.objectKey })
			.from(deliverableArchives)
			.where(and(inArray(deliverableArchives.status, ["ready"]), lte(deliverableArchives.expiresAt, job.now)))
			.limit(BATCH);
		if (expired.length === 0) break;
		const keys = expired.flatMap((a) => (a.objectKey ? [a.objectKey] : []));
		if (keys.length > 0) await deps.env.FILES.delete(keys);
		await deps.db
			.update(deliverableArchives)
			.set({ status: "expired", objectKey: null, updatedAt: job.now })
			.where(
				inArray(
					deliverableArchives.id,
					expired.map((a) => a.id),
				),
			);
		if (expired.length < BATCH) break;
	}
	await deps.db
		.update(deliverableArchives)
		.set({ status: "failed", error: "Preparing the download took too long. Please ask again.", updatedAt: job.now })
		.where(and(inArray(deliverableArchives.status, ["pending", "building"]), lte(deliverableArchives.updatedAt, job.now - STUCK_AFTER_MS)));
}
