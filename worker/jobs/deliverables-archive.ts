/**
 * Job `deliverables-archive`: builds one bulk download (worker/services/downloads/build-archive.ts)
 * and tells the requester it is ready, or that it could not be made — in the app and by push, per
 * their preferences. The archive id is the key: a re-run finds it built and sends nothing again.
 */
import type { JobOf } from "../../schema/jobs";
import { tenantScope } from "../lib/db";
import { enqueue } from "../lib/jobs";
import { buildArchive } from "../services/downloads/build-archive";
import { notify } from "../services/notifications/notify";
import type { JobDeps } from "./job-deps";

export async function runDeliverablesArchive(deps: JobDeps, job: JobOf<"deliverables-archive">): Promise<void> {
	const scope = tenantScope(deps.db, job.tenantId);
	const outcome = await buildArchive(scope, deps.env.FILES, job.archiveId, {
		onError: (error) => deps.log.error("deliverables-archive: build failed", { archiveId: job.archiveId, error: String(error) }),
	});
	if (outcome.kind === "skipped") return;
	const { row } = outcome;
	const ready = outcome.kind === "ready";
	const count = (row.fileCount ?? 0) + (row.linkCount ?? 0);
	await notify(scope, (next) => enqueue(deps.env, next), [row.requestedBy], {
		event: "download_ready",
		title: ready ? "Your download is ready" : "Your download could not be prepared",
		body: ready ? `${count} deliverable${count === 1 ? "" : "s"} in one zip, kept for 7 days.` : (row.error ?? "Please ask again."),
		url: "/downloads",
		dedupeKey: `archive:${row.id}:${row.status}`,
	});
}
