/**
 * Documents: an upload's caller-made id is claimed before anything is written to R2. An id that is
 * already a version's (of this agency or another; a restored version; one recorded before claims
 * existed) is one 409 naming `id`, and the stored bytes, rows and R2 objects stay as they were — for
 * one-request uploads, multipart create and complete, and restores.
 */
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { uniqueSlug } from "../support/agencies";
import { call, problemOf } from "../support/http";
import { type DocumentJson, sendBytes, text, type UploadJson, uploaded, uploadSmall } from "./document-fixtures";
import { json, type PortalAgency, portalAgency } from "./portal-fixtures";

/** A fresh agency with a unique slug for every call. */
const freshAgency = (): Promise<PortalAgency> => portalAgency(uniqueSlug("claims"));

const TAKEN = { status: 409, errors: [{ path: "id", message: "is already used by another record" }] };

const objectKeyOf = (a: PortalAgency, versionId: string) => `tenants/${a.tenantId}/documents/${versionId}`;

async function storedText(key: string): Promise<string | null> {
	const object = await env.FILES.get(key);
	return object ? object.text() : null;
}

/** Every row and object an agency has under documents, to show that a refusal changed nothing. */
async function snapshot(a: PortalAgency) {
	const rows = async (table: string) =>
		(await env.DB.prepare(`SELECT * FROM ${table} WHERE tenant_id = ? ORDER BY id`).bind(a.tenantId).all()).results;
	const objects = (await env.FILES.list({ prefix: `tenants/${a.tenantId}/documents/` })).objects.map((o) => [o.key, o.etag]);
	return {
		documents: await rows("documents"),
		versions: await rows("document_versions"),
		uploads: await rows("document_uploads"),
		objects,
	};
}

function refusalOf(response: Response) {
	return problemOf(response).then((p) => ({ status: p.status, errors: p.errors }));
}

function startUpload(a: PortalAgency, body: Record<string, unknown>) {
	return call(a.host, `/api/v1/clients/${a.clientX.id}/document-uploads`, { cookie: a.staffCookie, body });
}

/** plan.txt with two versions and the first restored as a third: returns the document and the restored version's id. */
async function restoredPlan(a: PortalAgency): Promise<{ doc: DocumentJson; restoredId: string }> {
	const v1 = await uploaded(uploadSmall(a, "plan.txt", text("first draft")));
	await uploaded(uploadSmall(a, "plan.txt", text("second draft")));
	const restored = await json<DocumentJson>(
		call(a.host, `/api/v1/documents/${v1.id}/versions/${v1.currentVersionId}/restore`, { method: "POST", cookie: a.staffCookie }),
		201,
	);
	const restoredId = restored.currentVersionId;
	expect(restored.versions.find((v) => v.id === restoredId)?.restoredFrom).toBe(v1.currentVersionId);
	return { doc: restored, restoredId };
}

describe("an upload id that is already a version's", () => {
	it("is 409 for a restored version's id (one-request and multipart), leaving its bytes and every row as they were", async () => {
		const acme = await freshAgency();
		const { restoredId } = await restoredPlan(acme);
		expect(await storedText(objectKeyOf(acme, restoredId))).toBe("first draft");
		const before = await snapshot(acme);

		const overwrite = await uploadSmall(acme, "other.txt", text("overwritten!"), { query: `id=${restoredId}` });
		expect(await refusalOf(overwrite)).toEqual(TAKEN);
		const sameName = await uploadSmall(acme, "plan.txt", text("overwritten!"), { query: `id=${restoredId}` });
		expect(await refusalOf(sameName)).toEqual(TAKEN);
		const multipart = await startUpload(acme, { id: restoredId, name: "big.bin", size: 10, contentType: "application/octet-stream" });
		expect(await refusalOf(multipart)).toEqual(TAKEN);

		expect(await storedText(objectKeyOf(acme, restoredId))).toBe("first draft");
		expect(await snapshot(acme)).toEqual(before);
	});

	it("is 409 for a version recorded before ids were claimed (no upload row holds it), and nothing is written", async () => {
		const acme = await freshAgency();
		const { restoredId } = await restoredPlan(acme);
		// An early restore recorded its version without an upload row.
		await env.DB.prepare("DELETE FROM document_uploads WHERE id = ?").bind(restoredId).run();
		const before = await snapshot(acme);

		const overwrite = await uploadSmall(acme, "other.txt", text("overwritten!"), { query: `id=${restoredId}` });
		expect(await refusalOf(overwrite)).toEqual(TAKEN);
		const multipart = await startUpload(acme, { id: restoredId, name: "big.bin", size: 10, contentType: "application/octet-stream" });
		expect(await refusalOf(multipart)).toEqual(TAKEN);

		expect(await storedText(objectKeyOf(acme, restoredId))).toBe("first draft");
		expect(await snapshot(acme)).toEqual(before);
	});

	it("is the same 409 when another agency holds the id, and neither agency's rows or objects change", async () => {
		const [acme, beta] = await Promise.all([freshAgency(), freshAgency()]);
		const acmeDoc = await uploaded(uploadSmall(acme, "secret.txt", text("acme only")));
		const { restoredId } = await restoredPlan(acme);
		const ownClash = await refusalOf(await uploadSmall(acme, "x.txt", text("x"), { query: `id=${acmeDoc.currentVersionId}` }));
		const [acmeBefore, betaBefore] = await Promise.all([snapshot(acme), snapshot(beta)]);

		for (const id of [acmeDoc.currentVersionId, restoredId]) {
			const single = await uploadSmall(beta, "secret.txt", text("beta bytes"), { query: `id=${id}` });
			expect(await refusalOf(single)).toEqual(ownClash);
			const multipart = await startUpload(beta, { id, name: "secret.txt", size: 10, contentType: "text/plain" });
			expect(await refusalOf(multipart)).toEqual(ownClash);
		}
		expect(ownClash).toEqual(TAKEN);
		expect(await storedText(objectKeyOf(acme, acmeDoc.currentVersionId))).toBe("acme only");
		expect(await storedText(objectKeyOf(acme, restoredId))).toBe("first draft");
		expect(await snapshot(acme)).toEqual(acmeBefore);
		expect(await snapshot(beta)).toEqual(betaBefore);
		expect(betaBefore.objects).toEqual([]);
	});

	it("does not complete a multipart upload over a version that holds its id", async () => {
		const acme = await freshAgency();
		const doc = await uploaded(uploadSmall(acme, "notes.txt", text("keep me")));
		const upload = await json<UploadJson>(startUpload(acme, { name: "late.txt", size: 5, contentType: "text/plain" }), 201);
		const part = await sendBytes(acme.host, `/api/v1/document-uploads/${upload.id}/parts/1`, text("later"), {
			cookie: acme.staffCookie,
			method: "PUT",
		});
		expect(part.status).toBe(200);
		// A version recorded with this id before ids were claimed, its bytes at the same key.
		const key = objectKeyOf(acme, upload.id);
		await env.FILES.put(key, "original bytes");
		await env.DB.prepare(
			"INSERT INTO document_versions (id, tenant_id, document_id, number, object_key, size, content_type, created_at, updated_at) VALUES (?, ?, ?, 99, ?, 14, 'text/plain', 1, 1)",
		)
			.bind(upload.id, acme.tenantId, doc.id, key)
			.run();
		const before = await snapshot(acme);

		const complete = await call(acme.host, `/api/v1/document-uploads/${upload.id}/complete`, { method: "POST", cookie: acme.staffCookie });
		expect(await refusalOf(complete)).toEqual(TAKEN);
		expect(await storedText(key)).toBe("original bytes");
		expect(await snapshot(acme)).toEqual(before);
	});

	it("claims a restored version's id: the restore leaves a completed upload row naming its document", async () => {
		const acme = await freshAgency();
		const { doc, restoredId } = await restoredPlan(acme);
		const claim = await env.DB.prepare("SELECT status, document_id AS documentId FROM document_uploads WHERE id = ?")
			.bind(restoredId)
			.first<{ status: string; documentId: string }>();
		expect(claim).toEqual({ status: "completed", documentId: doc.id });
	});
});
