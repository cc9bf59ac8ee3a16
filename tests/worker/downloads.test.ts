/**
 * The deliverables download centre: what was delivered (filters; staff see every client, a client
 * only their own; nothing crosses agencies) and bulk downloads built by a job into R2 — read back
 * and unzipped here — kept for a week, then purged.
 */
import { env } from "cloudflare:workers";
import { unzipSync } from "fflate";
import { beforeEach, describe, expect, it } from "vitest";
import type { Job } from "../../schema/jobs";
import { DAILY_ARCHIVE_PURGE, jobsFor } from "../../worker/cron/schedules";
import { newId } from "../../worker/lib/ids";
import { uniqueSlug } from "../support/agencies";
import { call, problemOf } from "../support/http";
import { runJobs } from "../support/queue";
import { bytesOf, text, uploaded, uploadSmall } from "./document-fixtures";
import { json, type PortalAgency, portalAgency } from "./portal-fixtures";

type Item = {
	id: string;
	title: string;
	kind: string;
	status: string;
	projectName: string;
	clientName: string;
	file: { name: string } | null;
};
type Page = { items: Item[]; nextCursor: string | null };
type Archive = {
	id: string;
	status: string;
	fileCount: number | null;
	linkCount: number | null;
	error: string | null;
	downloadUrl: string | null;
	expiresAt: number | null;
};

function buildJob(a: PortalAgency, archiveId: string): Job {
	return { type: "deliverables-archive", tenantId: a.tenantId, archiveId, idempotencyKey: `archive:${archiveId}` };
}

async function project(a: PortalAgency, clientId: string, name: string): Promise<string> {
	const p = await json<{ id: string }>(
		call(a.host, "/api/v1/projects", { cookie: a.staffCookie, body: { clientId, name, status: "active" } }),
		201,
	);
	return p.id;
}

function deliver(a: PortalAgency, body: Record<string, unknown>) {
	return call(a.host, "/api/v1/deliverables", { cookie: a.staffCookie, body });
}

async function deliverFile(a: PortalAgency, projectId: string, clientId: string, name: string, bytes: Uint8Array): Promise<string> {
	const doc = await uploaded(uploadSmall(a, name, bytes, { clientId, contentType: "application/octet-stream" }));
	return (await json<{ id: string }>(deliver(a, { projectId, title: name, kind: "file", documentId: doc.id }), 201)).id;
}

async function deliverLink(a: PortalAgency, projectId: string, title: string, url: string): Promise<string> {
	return (await json<{ id: string }>(deliver(a, { projectId, title, kind: "link", url }), 201)).id;
}

function list(a: PortalAgency, cookie: string, query = "") {
	return json<Page>(call(a.host, `/api/v1/downloads/deliverables${query ? `?${query}` : ""}`, { cookie }));
}

function ask(a: PortalAgency, cookie: string, body: Record<string, unknown>, key?: string) {
	return call(a.host, "/api/v1/downloads/archives", { cookie, body, headers: key ? { "Idempotency-Key": key } : {} });
}

/** How many archives the agency has asked for (rows of its own: the tests of this file share storage). */
async function archiveCount(a: PortalAgency): Promise<unknown> {
	return env.DB.prepare("SELECT COUNT(*) AS n FROM deliverable_archives WHERE tenant_id = ?").bind(a.tenantId).first("n");
}

async function archiveObjects(tenantId: string): Promise<string[]> {
	return (await env.FILES.list({ prefix: `tenants/${tenantId}/archives/` })).objects.map((o) => o.key);
}

let acme: PortalAgency;
let site: string;
let brand: string;
let yProject: string;
const ids: Record<string, string> = {};
const logo = bytesOf(40_000, 7);
beforeEach(async () => {
	acme = await portalAgency(uniqueSlug("acme"));
	site = await project(acme, acme.clientX.id, "Website relaunch");
	brand = await project(acme, acme.clientX.id, "Brand book");
	yProject = await project(acme, acme.clientY.id, "Yarrow app");
	ids.brief = await deliverFile(acme, site, acme.clientX.id, "brief.txt", text("The brief"));
	ids.mock = await deliverLink(acme, site, "Homepage mock-up", "https://figma.example/file/1");
	ids.logo = await deliverFile(acme, brand, acme.clientX.id, "logo.bin", logo);
	ids.yFile = await deliverFile(acme, yProject, acme.clientY.id, "secret-y.txt", text("Y only"));
});

describe("the delivered list", () => {
	it("shows staff every client's deliverables and a client only their own, with file details", async () => {
		const staff = await list(acme, acme.staffCookie);
		expect(staff.items.map((i) => i.title).sort()).toEqual(["Homepage mock-up", "brief.txt", "logo.bin", "secret-y.txt"]);
		const x = await list(acme, acme.xUser.cookie);
		expect(x.items.map((i) => i.title).sort()).toEqual(["Homepage mock-up", "brief.txt", "logo.bin"]);
		expect(x.items.find((i) => i.title === "logo.bin")).toMatchObject({
			projectName: "Brand book",
			clientName: "Xylo Foods",
			file: { name: "logo.bin" },
		});
		// Asking for another client's deliverables by id gives a client nothing.
		expect((await list(acme, acme.xUser.cookie, `clientId=${acme.clientY.id}`)).items).toEqual([]);
		expect((await list(acme, acme.yUser.cookie)).items.map((i) => i.title)).toEqual(["secret-y.txt"]);
	});

	it("filters by project, status, type and date, and pages with a cursor", async () => {
		await json(
			call(acme.host, `/api/v1/deliverables/${ids.brief}/reviews`, { cookie: acme.xUser.cookie, body: { decision: "approved" } }),
			201,
		);
		const titles = async (q: string) => (await list(acme, acme.staffCookie, q)).items.map((i) => i.title).sort();
		expect(await titles(`projectId=${brand}`)).toEqual(["logo.bin"]);
		expect(await titles("status=approved")).toEqual(["brief.txt"]);
		expect(await titles(`status=pending_review&clientId=${acme.clientX.id}`)).toEqual(["Homepage mock-up", "logo.bin"]);
		expect(await titles("kind=link")).toEqual(["Homepage mock-up"]);
		expect(await titles(`from=${Date.now() + 60_000}`)).toEqual([]);
		expect(await titles(`to=${Date.now() + 60_000}&kind=file&clientId=${acme.clientY.id}`)).toEqual(["secret-y.txt"]);
		const first = await list(acme, acme.staffCookie, "limit=3");
		const second = await list(acme, acme.staffCookie, `limit=3&cursor=${first.nextCursor}`);
		expect([...first.items, ...second.items].map((i) => i.id).sort()).toEqual(Object.values(ids).sort());
		expect(second.nextCursor).toBeNull();
	});

	it("answers bad filters with a problem naming the field", async () => {
		for (const [query, field] of [
			["status=done", "status"],
			["kind=video", "kind"],
			["from=yesterday", "from"],
			["from=2000&to=1000", "to"],
			["projectId=nope", "projectId"],
		]) {
			const res = await call(acme.host, `/api/v1/downloads/deliverables?${query}`, { cookie: acme.staffCookie });
			expect(res.status).toBe(422);
			expect((await problemOf(res)).errors?.map((e) => e.path)).toContain(field);
		}
	});

	it("keeps agencies apart: another agency sees none of these and cannot ask for them", async () => {
		const beta = await portalAgency(uniqueSlug("beta"));
		expect((await list(beta, beta.staffCookie)).items).toEqual([]);
		const res = await ask(beta, beta.staffCookie, { deliverableIds: [ids.brief] });
		expect(res.status).toBe(422);
		expect((await problemOf(res)).errors).toEqual([{ path: "deliverableIds.0", message: "is not a deliverable you may download" }]);
		// A session of one agency means nothing on another's address.
		expect((await call(acme.host, "/api/v1/downloads/deliverables", { cookie: beta.staffCookie })).status).toBe(401);
	});

	it("only files of the project's own client can be delivered", async () => {
		const yDoc = await uploaded(uploadSmall(acme, "y.txt", text("y"), { clientId: acme.clientY.id }));
		const res = await deliver(acme, { projectId: site, title: "Wrong", kind: "file", documentId: yDoc.id });
		expect(res.status).toBe(422);
		expect((await problemOf(res)).errors).toEqual([{ path: "documentId", message: "must be a document of this project's client" }]);
	});
});

describe("bulk download", () => {
	it("builds one zip with a folder per project and the links, tells the client, and serves it to them only", async () => {
		const asked = await json<Archive>(ask(acme, acme.xUser.cookie, { deliverableIds: [ids.brief, ids.mock, ids.logo] }), 202);
		expect(asked).toMatchObject({ status: "pending", downloadUrl: null });
		await runJobs([buildJob(acme, asked.id), buildJob(acme, asked.id)]);
		const ready = await json<Archive>(call(acme.host, `/api/v1/downloads/archives/${asked.id}`, { cookie: acme.xUser.cookie }));
		expect(ready).toMatchObject({
			status: "ready",
			fileCount: 2,
			linkCount: 1,
			downloadUrl: `/api/v1/downloads/archives/${asked.id}/file`,
		});
		expect(await archiveObjects(acme.tenantId)).toEqual([`tenants/${acme.tenantId}/archives/${asked.id}.zip`]);

		const res = await call(acme.host, ready.downloadUrl ?? "", { cookie: acme.xUser.cookie });
		expect(res.status).toBe(200);
		expect(res.headers.get("Content-Type")).toBe("application/zip");
		const files = unzipSync(new Uint8Array(await res.arrayBuffer()));
		expect(Object.keys(files).sort()).toEqual(["Brand book/logo.bin", "Website relaunch/brief.txt", "Website relaunch/links.txt"]);
		expect(new TextDecoder().decode(files["Website relaunch/brief.txt"])).toBe("The brief");
		expect(files["Brand book/logo.bin"]).toEqual(logo);
		expect(new TextDecoder().decode(files["Website relaunch/links.txt"])).toBe("Homepage mock-up\nhttps://figma.example/file/1\n");

		const inbox = await json<{ notifications: { title: string; url: string }[] }>(
			call(acme.host, "/api/v1/notifications", { cookie: acme.xUser.cookie }),
		);
		expect(inbox.notifications.filter((n) => n.url === "/downloads")).toEqual([
			expect.objectContaining({ title: "Your download is ready" }),
		]);

		for (const cookie of [acme.yUser.cookie, acme.staffCookie]) {
			expect((await call(acme.host, ready.downloadUrl ?? "", { cookie })).status).toBe(404);
			expect((await call(acme.host, `/api/v1/downloads/archives/${asked.id}`, { cookie })).status).toBe(404);
		}
	});

	it("gives staff everything matching a filter, and a replayed request the same archive", async () => {
		const body = { filter: { kind: "file" } };
		const first = await json<Archive>(ask(acme, acme.staffCookie, body, "key-1"), 202);
		const replay = await json<Archive>(ask(acme, acme.staffCookie, body, "key-1"), 202);
		expect(replay.id).toBe(first.id);
		await runJobs([buildJob(acme, first.id)]);
		const ready = await json<Archive>(call(acme.host, `/api/v1/downloads/archives/${first.id}`, { cookie: acme.staffCookie }));
		const files = unzipSync(
			new Uint8Array(await (await call(acme.host, ready.downloadUrl ?? "", { cookie: acme.staffCookie })).arrayBuffer()),
		);
		expect(Object.keys(files).sort()).toEqual(["Brand book/logo.bin", "Website relaunch/brief.txt", "Yarrow app/secret-y.txt"]);
		const mine = await json<{ archives: Archive[] }>(call(acme.host, "/api/v1/downloads/archives", { cookie: acme.staffCookie }));
		expect(mine.archives.map((a) => a.id)).toEqual([first.id]);
	});

	it("refuses another client's ids when asked, and leaves them out when built even if stored", async () => {
		const res = await ask(acme, acme.xUser.cookie, { deliverableIds: [ids.brief, ids.yFile] });
		expect(res.status).toBe(422);
		expect((await problemOf(res)).errors).toEqual([{ path: "deliverableIds.1", message: "is not a deliverable you may download" }]);
		expect(await archiveCount(acme)).toBe(0);

		// A crafted request row naming only Y's file, as if X had asked for it: the build gives X nothing.
		const craftedId = newId();
		await env.DB.prepare(
			"INSERT INTO deliverable_archives (id, tenant_id, requested_by, client_scope_id, selection, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
		)
			.bind(
				craftedId,
				acme.tenantId,
				acme.xUser.id,
				acme.clientX.id,
				JSON.stringify({ deliverableIds: [ids.yFile] }),
				Date.now(),
				Date.now(),
			)
			.run();
		await runJobs([buildJob(acme, craftedId)]);
		const failed = await json<Archive>(call(acme.host, `/api/v1/downloads/archives/${craftedId}`, { cookie: acme.xUser.cookie }));
		expect(failed).toMatchObject({
			status: "failed",
			error: "None of the chosen deliverables is available to you any more.",
			downloadUrl: null,
		});
		expect(await archiveObjects(acme.tenantId)).toEqual([]);
		const inbox = await json<{ notifications: { title: string }[] }>(
			call(acme.host, "/api/v1/notifications", { cookie: acme.xUser.cookie }),
		);
		expect(inbox.notifications.map((n) => n.title)).toContain("Your download could not be prepared");
		expect((await call(acme.host, `/api/v1/downloads/archives/${craftedId}/file`, { cookie: acme.xUser.cookie })).status).toBe(409);
	});

	it("answers a bad request with a problem naming the field, creating nothing", async () => {
		for (const [body, field] of [
			[{}, "deliverableIds"],
			[{ deliverableIds: [ids.brief], filter: {} }, "deliverableIds"],
			[{ deliverableIds: [] }, "deliverableIds"],
			[{ deliverableIds: ["not-an-id"] }, "deliverableIds.0"],
			[{ filter: { status: "lost" } }, "filter.status"],
			[{ filter: { clientId: acme.clientY.id } }, "filter"],
		] as const) {
			const res = await ask(acme, acme.xUser.cookie, body);
			expect(res.status).toBe(422);
			expect((await problemOf(res)).errors?.map((e) => e.path)).toContain(field);
		}
		expect(await archiveCount(acme)).toBe(0);
	});

	it("expires after a week: the daily clean-up deletes the zip and the link answers 410", async () => {
		const asked = await json<Archive>(ask(acme, acme.xUser.cookie, { deliverableIds: [ids.brief] }), 202);
		await runJobs([buildJob(acme, asked.id)]);
		const ready = await json<Archive>(call(acme.host, `/api/v1/downloads/archives/${asked.id}`, { cookie: acme.xUser.cookie }));
		const expiresAt = ready.expiresAt ?? 0;
		expect(expiresAt - Date.now()).toBeGreaterThan(6.9 * 24 * 3_600_000);
		await runJobs(jobsFor(DAILY_ARCHIVE_PURGE, expiresAt - 60_000));
		expect(await archiveObjects(acme.tenantId)).toHaveLength(1);
		await runJobs(jobsFor(DAILY_ARCHIVE_PURGE, expiresAt + 60_000));
		expect(await archiveObjects(acme.tenantId)).toEqual([]);
		expect((await json<Archive>(call(acme.host, `/api/v1/downloads/archives/${asked.id}`, { cookie: acme.xUser.cookie }))).status).toBe(
			"expired",
		);
		const gone = await call(acme.host, `/api/v1/downloads/archives/${asked.id}/file`, { cookie: acme.xUser.cookie });
		expect(gone.status).toBe(410);
	});
});
