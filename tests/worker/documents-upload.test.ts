/** Documents: one-request and multipart uploads into R2, resumable parts, limits, storage plan limit, isolation. */
import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import { logIn, uniqueSlug } from "../support/agencies";
import { call, problemOf } from "../support/http";
import { bytesOf, type DocumentJson, sendBytes, text, type UploadJson, uploaded, uploadSmall } from "./document-fixtures";
import { json, type PortalAgency, portalAgency } from "./portal-fixtures";

const PART = 5 * 1024 * 1024;
let acme: PortalAgency;
beforeEach(async () => {
	acme = await portalAgency(uniqueSlug("acme"));
});

function startUpload(body: Record<string, unknown>, cookie = acme.staffCookie, clientId = acme.clientX.id) {
	return call(acme.host, `/api/v1/clients/${clientId}/document-uploads`, { cookie, body });
}

function sendPart(uploadId: string, n: number, bytes: Uint8Array, cookie = acme.staffCookie) {
	return sendBytes(acme.host, `/api/v1/document-uploads/${uploadId}/parts/${n}`, bytes, { cookie, method: "PUT" });
}

function complete(uploadId: string, cookie = acme.staffCookie) {
	return call(acme.host, `/api/v1/document-uploads/${uploadId}/complete`, { method: "POST", cookie });
}

describe("one-request uploads", () => {
	it("stores the file in R2, lists it, and serves the same bytes back", async () => {
		const doc = await uploaded(uploadSmall(acme, "brief.txt", text("Hello, Xylo")));
		expect(doc).toMatchObject({ name: "brief.txt", size: 11, contentType: "text/plain", versionCount: 1 });
		const listing = await json<{ documents: DocumentJson[] }>(
			call(acme.host, `/api/v1/clients/${acme.clientX.id}/documents`, { cookie: acme.xUser.cookie }),
		);
		expect(listing.documents.map((d) => d.name)).toEqual(["brief.txt"]);
		const content = await call(acme.host, `/api/v1/documents/${doc.id}/content`, { cookie: acme.xUser.cookie });
		expect(content.status).toBe(200);
		expect(await content.text()).toBe("Hello, Xylo");
		expect(content.headers.get("Content-Disposition")).toBe(`attachment; filename="brief.txt"; filename*=UTF-8''brief.txt`);
		expect(content.headers.get("X-Content-Type-Options")).toBe("nosniff");
	});

	it("lets the client's own people upload, and a retry with the same id changes nothing", async () => {
		const id = crypto.randomUUID();
		const first = await uploaded(
			uploadSmall(acme, "signed.pdf", text("%PDF-1.4"), { cookie: acme.xUser.cookie, contentType: "application/pdf", query: `id=${id}` }),
		);
		const again = await uploaded(
			uploadSmall(acme, "signed.pdf", text("%PDF-1.4"), { cookie: acme.xUser.cookie, contentType: "application/pdf", query: `id=${id}` }),
		);
		expect(again.id).toBe(first.id);
		expect(again.versionCount).toBe(1);
	});

	it("refuses types that are not allowed, empty files and bad names, naming the field, storing nothing", async () => {
		const html = await uploadSmall(acme, "page.html", text("<script>alert(1)</script>"), { contentType: "text/html" });
		expect(html.status).toBe(422);
		expect((await problemOf(html)).errors?.[0]?.path).toBe("contentType");
		const empty = await uploadSmall(acme, "empty.txt", new Uint8Array(0));
		expect((await problemOf(empty)).errors?.[0]?.path).toBe("body");
		const slash = await uploadSmall(acme, "a/b.txt", text("x"));
		expect((await problemOf(slash)).errors?.[0]?.path).toBe("name");
		const big = await startUpload({ name: "huge.zip", size: 6 * 1024 ** 3, contentType: "application/zip" });
		expect((await problemOf(big)).errors?.[0]?.path).toBe("size");
		const rows = await env.DB.prepare("SELECT count(*) AS n FROM documents WHERE tenant_id = ?").bind(acme.tenantId).first<{ n: number }>();
		expect(rows?.n).toBe(0);
		expect((await env.FILES.list({ prefix: `tenants/${acme.tenantId}/` })).objects.filter((o) => o.key.includes("/documents/"))).toEqual(
			[],
		);
	});

	it("refuses a body over the one-request limit with 413", async () => {
		const res = await uploadSmall(acme, "big.bin", bytesOf(20 * 1024 * 1024 + 1), { contentType: "application/octet-stream" });
		expect(res.status).toBe(413);
	});
});

describe("multipart uploads", () => {
	it("uploads in parts, resumes from the parts the server holds, and a retried complete or part doubles nothing", async () => {
		const file = bytesOf(PART + 1000, 7);
		const upload = await json<UploadJson>(startUpload({ name: "video.mp4", size: file.length, contentType: "video/mp4" }), 201);
		expect(upload).toMatchObject({ partSize: PART, partCount: 2, status: "pending", uploadedParts: [] });
		expect((await sendPart(upload.id, 1, file.slice(0, PART))).status).toBe(200);
		// The connection drops; the client asks what the server has and sends the rest.
		const resumed = await json<UploadJson>(call(acme.host, `/api/v1/document-uploads/${upload.id}`, { cookie: acme.staffCookie }));
		expect(resumed.uploadedParts).toEqual([{ partNumber: 1, size: PART }]);
		const early = await complete(upload.id);
		expect(early.status).toBe(409);
		expect((await problemOf(early)).errors).toEqual([{ path: "parts", message: "missing 2" }]);
		expect((await sendPart(upload.id, 2, file.slice(PART))).status).toBe(200);
		expect((await sendPart(upload.id, 2, file.slice(PART))).status).toBe(200);
		const doc = await json<DocumentJson>(complete(upload.id));
		expect(doc).toMatchObject({ name: "video.mp4", size: file.length, versionCount: 1 });
		const retried = await json<DocumentJson>(complete(upload.id));
		expect(retried.id).toBe(doc.id);
		expect(retried.versions).toHaveLength(1);
		const content = await call(acme.host, `/api/v1/documents/${doc.id}/content`, { cookie: acme.staffCookie });
		expect(new Uint8Array(await content.arrayBuffer())).toEqual(file);
		const entitlements = await json<{ limits: { storageBytes: { used: number } } }>(
			call(acme.host, "/api/v1/entitlements", { cookie: acme.ownerCookie }),
		);
		expect(entitlements.limits.storageBytes.used).toBe(file.length);
	});

	it("refuses parts of the wrong size or number, and abort drops the upload", async () => {
		const upload = await json<UploadJson>(startUpload({ name: "a.zip", size: PART + 10, contentType: "application/zip" }), 201);
		const short = await sendPart(upload.id, 1, bytesOf(100));
		expect((await problemOf(short)).errors?.[0]).toEqual({ path: "body", message: `part 1 must be exactly ${PART} bytes` });
		const tooMany = await sendPart(upload.id, 3, bytesOf(10));
		expect((await problemOf(tooMany)).errors?.[0]?.path).toBe("partNumber");
		expect((await call(acme.host, `/api/v1/document-uploads/${upload.id}`, { method: "DELETE", cookie: acme.staffCookie })).status).toBe(
			204,
		);
		expect((await call(acme.host, `/api/v1/document-uploads/${upload.id}`, { method: "DELETE", cookie: acme.staffCookie })).status).toBe(
			204,
		);
		expect((await sendPart(upload.id, 2, bytesOf(10))).status).toBe(409);
		const status = await json<UploadJson>(call(acme.host, `/api/v1/document-uploads/${upload.id}`, { cookie: acme.staffCookie }));
		expect(status.status).toBe("aborted");
	});

	it("returns the same upload for a repeated create with the same id", async () => {
		const id = crypto.randomUUID();
		const body = { id, name: "r.zip", size: 10, contentType: "application/zip" };
		const a = await json<UploadJson>(startUpload(body), 201);
		const b = await json<UploadJson>(startUpload(body), 201);
		expect(b.id).toBe(a.id);
		const clash = await startUpload({ ...body, name: "other.zip" });
		expect(clash.status).toBe(409);
	});
});

describe("the plan's storage limit", () => {
	async function fillStorageTo(bytes: number) {
		const doc = await uploaded(uploadSmall(acme, "filler.bin", bytesOf(10), { contentType: "application/octet-stream" }));
		await env.DB.prepare("UPDATE document_versions SET size = ? WHERE document_id = ?").bind(bytes, doc.id).run();
	}

	it("refuses an upload that would pass the Starter plan's 10 GiB with plan-limit-reached naming storageBytes (at create and at complete)", async () => {
		const upload = await json<UploadJson>(startUpload({ name: "late.txt", size: 100, contentType: "text/plain" }), 201);
		await fillStorageTo(10 * 1024 ** 3 - 50);
		for (const res of [
			await uploadSmall(acme, "more.txt", bytesOf(100)),
			await startUpload({ name: "more.zip", size: 100, contentType: "application/zip" }),
		]) {
			expect(res.status).toBe(403);
			const problem = await problemOf(res);
			expect(problem.type).toBe("https://atrium.dev/problems/plan-limit-reached");
			expect(problem.errors).toEqual([{ path: "storageBytes", message: `limit of ${10 * 1024 ** 3} reached` }]);
		}
		expect((await sendPart(upload.id, 1, bytesOf(100))).status).toBe(200);
		const late = await complete(upload.id);
		expect(late.status).toBe(403);
		expect((await problemOf(late)).errors?.[0]?.path).toBe("storageBytes");
		expect(await uploadSmall(acme, "tiny.txt", bytesOf(40)).then((r) => r.status)).toBe(201);
	});
});

describe("who may upload and see documents", () => {
	it("gives a person of client Y 404 for client X's documents, folders and uploads", async () => {
		const doc = await uploaded(uploadSmall(acme, "x-only.txt", text("secret")));
		const upload = await json<UploadJson>(startUpload({ name: "x.zip", size: 10, contentType: "application/zip" }), 201);
		const y = acme.yUser.cookie;
		for (const path of [
			`/api/v1/clients/${acme.clientX.id}/documents`,
			`/api/v1/documents/${doc.id}`,
			`/api/v1/documents/${doc.id}/content`,
			`/api/v1/document-uploads/${upload.id}`,
		]) {
			expect((await call(acme.host, path, { cookie: y })).status, path).toBe(404);
		}
		expect((await uploadSmall(acme, "sneaky.txt", text("x"), { cookie: y })).status).toBe(404);
		expect((await sendPart(upload.id, 1, bytesOf(10), y)).status).toBe(404);
		expect((await complete(upload.id, y)).status).toBe(404);
	});

	it("refuses a role without documents:write (403 naming it) and visitors (401)", async () => {
		const role = await json<{ id: string }>(
			call(acme.host, "/api/v1/roles", {
				cookie: acme.ownerCookie,
				body: { name: "Reader", permissions: ["clients:read", "documents:read"] },
			}),
			201,
		);
		await json(
			call(acme.host, `/api/v1/members/${acme.staffId}`, { method: "PATCH", body: { customRoleId: role.id }, cookie: acme.ownerCookie }),
		);
		const reader = await logIn(acme.host, `staff@${acme.slug}.test`);
		expect((await call(acme.host, `/api/v1/clients/${acme.clientX.id}/documents`, { cookie: reader })).status).toBe(200);
		const denied = await call(acme.host, `/api/v1/clients/${acme.clientX.id}/document-folders`, { cookie: reader, body: { name: "Nope" } });
		expect(denied.status).toBe(403);
		expect((await problemOf(denied)).detail).toMatch(/documents:write/);
		expect((await uploadSmall(acme, "r.txt", text("x"), { cookie: reader })).status).toBe(403);
		expect((await call(acme.host, `/api/v1/clients/${acme.clientX.id}/documents`)).status).toBe(401);
	});

	it("never lets another agency reach acme's documents", async () => {
		const doc = await uploaded(uploadSmall(acme, "acme.txt", text("acme")));
		const beta = await portalAgency(uniqueSlug("beta"));
		expect((await call(beta.host, `/api/v1/documents/${doc.id}`, { cookie: beta.staffCookie })).status).toBe(404);
		expect((await call(beta.host, `/api/v1/documents/${doc.id}/content`, { cookie: beta.ownerCookie })).status).toBe(404);
		expect((await call(beta.host, `/api/v1/clients/${acme.clientX.id}/documents`, { cookie: beta.staffCookie })).status).toBe(404);
		expect((await call(acme.host, `/api/v1/documents/${doc.id}`, { cookie: beta.staffCookie })).status).toBe(401);
	});
});
