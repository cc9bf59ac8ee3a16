/**
 * Uploads started and never finished: the nightly cron starts `purge-abandoned-uploads`, which aborts
 * each R2 multipart upload (and deletes a dead claim's object) idle for longer than the bound and
 * removes its rows; fresh and finished uploads stay, and running it twice is harmless.
 */
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import type { Job } from "../../schema/jobs";
import { jobsFor, NIGHTLY_RECONCILE } from "../../worker/cron/schedules";
import { ABANDONED_AFTER_MS } from "../../worker/services/documents/abandoned-uploads";
import { call } from "../support/http";
import { runJobs } from "../support/queue";
import { sendBytes, text, type UploadJson, uploaded, uploadSmall } from "./document-fixtures";
import { json, type PortalAgency, portalAgency } from "./portal-fixtures";

let agencies = 0;
const freshAgency = (): Promise<PortalAgency> => portalAgency(`abandon-${++agencies}`);

/** A one-part multipart upload with its part sent, never completed. */
async function startedUpload(a: PortalAgency, name: string): Promise<UploadJson & { multipartUploadId: string; objectKey: string }> {
	const upload = await json<UploadJson>(
		call(a.host, `/api/v1/clients/${a.clientX.id}/document-uploads`, {
			cookie: a.staffCookie,
			body: { name, size: 5, contentType: "text/plain" },
		}),
		201,
	);
	const part = await sendBytes(a.host, `/api/v1/document-uploads/${upload.id}/parts/1`, text("hello"), {
		cookie: a.staffCookie,
		method: "PUT",
	});
	expect(part.status).toBe(200);
	const row = await env.DB.prepare("SELECT multipart_upload_id AS m, object_key AS k FROM document_uploads WHERE id = ?")
		.bind(upload.id)
		.first<{ m: string; k: string }>();
	if (!row) throw new Error("no upload row");
	return { ...upload, multipartUploadId: row.m, objectKey: row.k };
}

async function backdate(uploadId: string, by: number): Promise<void> {
	await env.DB.prepare("UPDATE document_uploads SET updated_at = ?, created_at = ? WHERE id = ?")
		.bind(Date.now() - by, Date.now() - by, uploadId)
		.run();
}

async function rowsOf(uploadId: string): Promise<{ uploads: number; parts: number }> {
	const uploads = await env.DB.prepare("SELECT count(*) AS n FROM document_uploads WHERE id = ?").bind(uploadId).first<{ n: number }>();
	const parts = await env.DB.prepare("SELECT count(*) AS n FROM document_upload_parts WHERE upload_id = ?")
		.bind(uploadId)
		.first<{ n: number }>();
	return { uploads: uploads?.n ?? -1, parts: parts?.n ?? -1 };
}

/** Whether R2 still holds the multipart upload: completing it succeeds only then. */
async function r2StillHas(upload: { objectKey: string; multipartUploadId: string }, etag: string): Promise<boolean> {
	try {
		await env.FILES.resumeMultipartUpload(upload.objectKey, upload.multipartUploadId).complete([{ partNumber: 1, etag }]);
		return true;
	} catch {
		return false;
	}
}

const nightly = (): Job[] => jobsFor(NIGHTLY_RECONCILE, Date.now()).filter((j) => j.type === "purge-abandoned-uploads");

describe("abandoned uploads", () => {
	it("is started by the nightly cron, which only enqueues it (one per night)", () => {
		const at = Date.UTC(2026, 10, 24, 3, 30);
		const jobs = jobsFor(NIGHTLY_RECONCILE, at).filter((j) => j.type === "purge-abandoned-uploads");
		expect(jobs).toEqual([
			{ type: "purge-abandoned-uploads", tenantId: null, now: at, idempotencyKey: "purge-abandoned-uploads:2026-11-24" },
		]);
	});

	it("aborts a multipart upload idle past the bound in R2 and removes its rows; fresh and finished uploads stay; twice is harmless", async () => {
		const acme = await freshAgency();
		const old = await startedUpload(acme, "old.txt");
		const fresh = await startedUpload(acme, "fresh.txt");
		const done = await uploaded(uploadSmall(acme, "done.txt", text("kept")));
		await backdate(old.id, ABANDONED_AFTER_MS + 60_000);
		await backdate(done.currentVersionId, ABANDONED_AFTER_MS * 3);
		const oldEtag = (
			await env.DB.prepare("SELECT etag FROM document_upload_parts WHERE upload_id = ?").bind(old.id).first<{ etag: string }>()
		)?.etag;
		expect(oldEtag).toBeTruthy();

		const first = await runJobs(nightly());
		expect(first.explicitAcks).toHaveLength(1);
		expect(await rowsOf(old.id)).toEqual({ uploads: 0, parts: 0 });
		expect(await r2StillHas(old, oldEtag ?? "")).toBe(false);
		expect((await call(acme.host, `/api/v1/document-uploads/${old.id}`, { cookie: acme.staffCookie })).status).toBe(404);

		// The fresh one is untouched and can still be completed.
		expect(await rowsOf(fresh.id)).toEqual({ uploads: 1, parts: 1 });
		const completed = await call(acme.host, `/api/v1/document-uploads/${fresh.id}/complete`, { method: "POST", cookie: acme.staffCookie });
		expect(completed.status).toBe(200);
		expect(await (await env.FILES.get(fresh.objectKey))?.text()).toBe("hello");
		// The finished one keeps its row and bytes.
		expect((await rowsOf(done.currentVersionId)).uploads).toBe(1);
		expect(await (await call(acme.host, `/api/v1/documents/${done.id}/content`, { cookie: acme.staffCookie })).text()).toBe("kept");

		const again = await runJobs(nightly());
		expect(again.explicitAcks).toHaveLength(1);
		expect(again.retryMessages).toEqual([]);
	});

	it("removes a claim whose writer died after storing its object, and the object", async () => {
		const acme = await freshAgency();
		const id = crypto.randomUUID();
		const objectKey = `tenants/${acme.tenantId}/documents/${id}`;
		const when = Date.now() - ABANDONED_AFTER_MS - 60_000;
		await env.DB.prepare(
			"INSERT INTO document_uploads (id, tenant_id, client_id, name, content_type, size, part_size, object_key, status, created_at, updated_at) VALUES (?, ?, ?, 'lost.txt', 'text/plain', 4, 4, ?, 'pending', ?, ?)",
		)
			.bind(id, acme.tenantId, acme.clientX.id, objectKey, when, when)
			.run();
		await env.FILES.put(objectKey, "lost");

		expect((await runJobs(nightly())).explicitAcks).toHaveLength(1);
		expect(await rowsOf(id)).toEqual({ uploads: 0, parts: 0 });
		expect(await env.FILES.head(objectKey)).toBeNull();
	});

	it("aborts an upload whose parts stopped arriving, but not one still receiving parts", async () => {
		const acme = await freshAgency();
		const upload = await startedUpload(acme, "slow.txt");
		await backdate(upload.id, ABANDONED_AFTER_MS + 60_000);
		// A part sent again now is activity: the upload is not abandoned.
		const part = await sendBytes(acme.host, `/api/v1/document-uploads/${upload.id}/parts/1`, text("hello"), {
			cookie: acme.staffCookie,
			method: "PUT",
		});
		expect(part.status).toBe(200);
		await runJobs(nightly());
		expect(await rowsOf(upload.id)).toEqual({ uploads: 1, parts: 1 });
	});
});
