/**
 * Cancelling a multipart upload (the PWA's Cancel sends DELETE /api/v1/document-uploads/:id): the
 * client's own person may cancel it, and it is then aborted with its parts gone; a person of another
 * client and another agency get 404 and the upload stays pending, its parts kept.
 */
import { beforeEach, describe, expect, it } from "vitest";
import { uniqueSlug } from "../support/agencies";
import { call } from "../support/http";
import { bytesOf, sendBytes, type UploadJson } from "./document-fixtures";
import { json, type PortalAgency, portalAgency } from "./portal-fixtures";

const PART = 5 * 1024 * 1024;
let acme: PortalAgency;
beforeEach(async () => {
	acme = await portalAgency(uniqueSlug("cancel"));
});

/** An upload of client X started by X's own person, with its first part sent. */
async function startedByX(): Promise<UploadJson> {
	const upload = await json<UploadJson>(
		call(acme.host, `/api/v1/clients/${acme.clientX.id}/document-uploads`, {
			cookie: acme.xUser.cookie,
			body: { name: "film.zip", size: PART + 10, contentType: "application/zip" },
		}),
		201,
	);
	const part = await sendBytes(acme.host, `/api/v1/document-uploads/${upload.id}/parts/1`, bytesOf(PART), {
		cookie: acme.xUser.cookie,
		method: "PUT",
	});
	expect(part.status).toBe(200);
	return upload;
}

function statusOf(id: string): Promise<UploadJson> {
	return json<UploadJson>(call(acme.host, `/api/v1/document-uploads/${id}`, { cookie: acme.staffCookie }));
}

describe("cancelling an upload", () => {
	it("lets the client's own person cancel: the upload is aborted and its parts dropped", async () => {
		const upload = await startedByX();
		expect((await call(acme.host, `/api/v1/document-uploads/${upload.id}`, { method: "DELETE", cookie: acme.xUser.cookie })).status).toBe(
			204,
		);
		const after = await statusOf(upload.id);
		expect(after.status).toBe("aborted");
		expect(after.uploadedParts).toEqual([]);
	});

	it("answers 404 to a person of another client, and the upload keeps going", async () => {
		const upload = await startedByX();
		expect((await call(acme.host, `/api/v1/document-uploads/${upload.id}`, { method: "DELETE", cookie: acme.yUser.cookie })).status).toBe(
			404,
		);
		const after = await statusOf(upload.id);
		expect(after.status).toBe("pending");
		expect(after.uploadedParts.map((p) => p.partNumber)).toEqual([1]);
	});

	it("answers 404 to another agency, and the upload keeps going", async () => {
		const upload = await startedByX();
		const beta = await portalAgency(uniqueSlug("cancel-beta"));
		expect((await call(beta.host, `/api/v1/document-uploads/${upload.id}`, { method: "DELETE", cookie: beta.ownerCookie })).status).toBe(
			404,
		);
		expect((await call(acme.host, `/api/v1/document-uploads/${upload.id}`, { method: "DELETE", cookie: beta.ownerCookie })).status).toBe(
			401,
		);
		const after = await statusOf(upload.id);
		expect(after.status).toBe("pending");
		expect(after.uploadedParts.map((p) => p.partNumber)).toEqual([1]);
	});
});
