/** Documents: folders, moving, versions by name, history, download and restore of a version, previews' headers. */
import { beforeEach, describe, expect, it } from "vitest";
import { signUpUniqueAgency, uniqueSlug } from "../support/agencies";
import { call, problemOf } from "../support/http";
import { type DocumentJson, text, uploaded, uploadSmall } from "./document-fixtures";
import { json, type PortalAgency, portalAgency } from "./portal-fixtures";

type Folder = { id: string; name: string; parentId: string | null };
let acme: PortalAgency;
beforeEach(async () => {
	acme = await portalAgency(uniqueSlug("acme"));
});

function folder(name: string, parentId?: string, cookie = acme.staffCookie) {
	return call(acme.host, `/api/v1/clients/${acme.clientX.id}/document-folders`, {
		cookie,
		body: { name, ...(parentId ? { parentId } : {}) },
	});
}

describe("versions", () => {
	it("makes the same name in the same folder a new version; history, download of any version, restore as a new version", async () => {
		const v1 = await uploaded(uploadSmall(acme, "plan.txt", text("first draft")));
		const v2 = await uploaded(uploadSmall(acme, "plan.txt", text("second draft!"), { cookie: acme.xUser.cookie }));
		expect(v2.id).toBe(v1.id);
		expect(v2.versionCount).toBe(2);
		expect(v2.versions.map((v) => [v.number, v.size, v.current])).toEqual([
			[2, 13, true],
			[1, 11, false],
		]);
		const old = v2.versions[1]?.id ?? "";
		const oldBytes = await call(acme.host, `/api/v1/documents/${v1.id}/content?versionId=${old}`, { cookie: acme.xUser.cookie });
		expect(await oldBytes.text()).toBe("first draft");
		const restored = await json<DocumentJson>(
			call(acme.host, `/api/v1/documents/${v1.id}/versions/${old}/restore`, { method: "POST", cookie: acme.xUser.cookie }),
			201,
		);
		expect(restored.versions.map((v) => [v.number, v.current, v.restoredFrom])).toEqual([
			[3, true, old],
			[2, false, null],
			[1, false, null],
		]);
		expect(await (await call(acme.host, `/api/v1/documents/${v1.id}/content`, { cookie: acme.staffCookie })).text()).toBe("first draft");
		const usage = await json<{ limits: { storageBytes: { used: number } } }>(
			call(acme.host, "/api/v1/entitlements", { cookie: acme.ownerCookie }),
		);
		expect(usage.limits.storageBytes.used).toBe(11 + 13 + 11);
		const other = await uploaded(uploadSmall(acme, "plan.txt", text("y"), { clientId: acme.clientY.id }));
		expect(other.id).not.toBe(v1.id);
		const missing = await call(acme.host, `/api/v1/documents/${v1.id}/versions/${other.currentVersionId}/restore`, {
			method: "POST",
			cookie: acme.staffCookie,
		});
		expect(missing.status).toBe(404);
	});

	it("serves images and PDFs inline with their type, but HTML-like and SVG files only as downloads", async () => {
		const png = await uploaded(uploadSmall(acme, "logo.png", new Uint8Array([137, 80, 78, 71]), { contentType: "image/png" }));
		const inline = await call(acme.host, `/api/v1/documents/${png.id}/content?disposition=inline`, { cookie: acme.xUser.cookie });
		expect(inline.headers.get("Content-Type")).toBe("image/png");
		expect(inline.headers.get("Content-Disposition")).toMatch(/^inline; filename="logo.png"/);
		expect(inline.headers.get("X-Content-Type-Options")).toBe("nosniff");
		expect(inline.headers.get("Content-Security-Policy")).toMatch(/default-src 'self'/);
		const pdf = await uploaded(uploadSmall(acme, "contract.pdf", text("%PDF-1.4"), { contentType: "application/pdf" }));
		const pdfInline = await call(acme.host, `/api/v1/documents/${pdf.id}/content?disposition=inline`, { cookie: acme.xUser.cookie });
		expect(pdfInline.headers.get("Content-Type")).toBe("application/pdf");
		expect(pdfInline.headers.get("Content-Disposition")).toMatch(/^inline;/);
		const svg = await uploaded(uploadSmall(acme, "évil.svg", text("<svg onload='alert(1)'/>"), { contentType: "image/svg+xml" }));
		const svgRes = await call(acme.host, `/api/v1/documents/${svg.id}/content?disposition=inline`, { cookie: acme.xUser.cookie });
		expect(svgRes.headers.get("Content-Type")).toBe("application/octet-stream");
		expect(svgRes.headers.get("Content-Disposition")).toBe(`attachment; filename="_vil.svg"; filename*=UTF-8''%C3%A9vil.svg`);
		const bad = await call(acme.host, `/api/v1/documents/${svg.id}/content?disposition=show`, { cookie: acme.xUser.cookie });
		expect((await problemOf(bad)).errors?.[0]?.path).toBe("disposition");
	});

	it("deletes a document with its versions, freeing storage", async () => {
		const doc = await uploaded(uploadSmall(acme, "gone.txt", text("bye")));
		expect((await call(acme.host, `/api/v1/documents/${doc.id}`, { method: "DELETE", cookie: acme.staffCookie })).status).toBe(204);
		expect((await call(acme.host, `/api/v1/documents/${doc.id}`, { cookie: acme.staffCookie })).status).toBe(404);
		const usage = await json<{ limits: { storageBytes: { used: number } } }>(
			call(acme.host, "/api/v1/entitlements", { cookie: acme.ownerCookie }),
		);
		expect(usage.limits.storageBytes.used).toBe(0);
	});
});

describe("folders", () => {
	it("creates, renames, lists, moves a document in and deletes only when empty", async () => {
		const contracts = await json<Folder>(folder("Contracts"), 201);
		const signed = await json<Folder>(folder("Signed", contracts.id, acme.xUser.cookie), 201);
		expect(signed.parentId).toBe(contracts.id);
		expect((await folder("Contracts")).status).toBe(409);
		const renamed = await json<Folder>(
			call(acme.host, `/api/v1/document-folders/${contracts.id}`, {
				method: "PATCH",
				cookie: acme.staffCookie,
				body: { name: "Agreements" },
			}),
		);
		expect(renamed.name).toBe("Agreements");
		const doc = await uploaded(uploadSmall(acme, "nda.txt", text("nda"), { query: `folderId=${signed.id}` }));
		expect(doc.folderId).toBe(signed.id);
		const top = await json<{ folders: Folder[]; documents: DocumentJson[] }>(
			call(acme.host, `/api/v1/clients/${acme.clientX.id}/documents`, { cookie: acme.xUser.cookie }),
		);
		expect(top.folders.map((f) => f.name)).toEqual(["Agreements"]);
		expect(top.documents).toEqual([]);
		const inSigned = await json<{ documents: DocumentJson[] }>(
			call(acme.host, `/api/v1/clients/${acme.clientX.id}/documents?folderId=${signed.id}`, { cookie: acme.xUser.cookie }),
		);
		expect(inSigned.documents.map((d) => d.name)).toEqual(["nda.txt"]);
		const busy = await call(acme.host, `/api/v1/document-folders/${signed.id}`, { method: "DELETE", cookie: acme.staffCookie });
		expect(busy.status).toBe(409);
		const moved = await json<DocumentJson>(
			call(acme.host, `/api/v1/documents/${doc.id}`, { method: "PATCH", cookie: acme.staffCookie, body: { folderId: null } }),
		);
		expect(moved.folderId).toBeNull();
		expect((await call(acme.host, `/api/v1/document-folders/${signed.id}`, { method: "DELETE", cookie: acme.staffCookie })).status).toBe(
			204,
		);
	});

	it("refuses another client's folder and bad names, naming the field", async () => {
		const yFolder = await json<Folder>(
			call(acme.host, `/api/v1/clients/${acme.clientY.id}/document-folders`, { cookie: acme.staffCookie, body: { name: "Y stuff" } }),
			201,
		);
		const into = await uploadSmall(acme, "x.txt", text("x"), { query: `folderId=${yFolder.id}` });
		expect((await problemOf(into)).errors?.[0]?.path).toBe("folderId");
		expect((await problemOf(await folder(""))).errors?.[0]?.path).toBe("name");
		expect((await call(acme.host, `/api/v1/document-folders/${yFolder.id}`, { method: "DELETE", cookie: acme.xUser.cookie })).status).toBe(
			404,
		);
		const beta = await signUpUniqueAgency("beta");
		expect((await call(beta.host, `/api/v1/document-folders/${yFolder.id}`, { method: "DELETE", cookie: beta.ownerCookie })).status).toBe(
			404,
		);
	});
});
