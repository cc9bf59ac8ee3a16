/** Job `purge-abandoned-uploads` (nightly cron, every tenant): aborts uploads started and never finished (services/documents/abandoned-uploads.ts). */
import type { JobOf } from "../../schema/jobs";
import { purgeAbandonedUploads } from "../services/documents/abandoned-uploads";
import type { JobDeps } from "./job-deps";

export async function runPurgeAbandonedUploads(deps: JobDeps, job: JobOf<"purge-abandoned-uploads">): Promise<void> {
	await purgeAbandonedUploads(deps.db, deps.env.FILES, deps.log, job.now);
}
