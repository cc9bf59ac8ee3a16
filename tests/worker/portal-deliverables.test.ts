/** Deliverables: the agency adds a link, the client approves or asks for changes with a comment; isolation between clients and agencies. */
import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import { signUpAgency, uniqueSlug } from "../support/agencies";
import { call, problemOf } from "../support/http";
import { json, type PortalAgency, type ProjectDetailT, portalAgency, projectWith } from "./portal-fixtures";

type Deliverable = {
	id: string;
	title: string;
	status: string;
	url: string | null;
	reviews: { decision: string; comment: string; authorName: string | null }[];
};

let acme: PortalAgency;
let project: ProjectDetailT;
beforeEach(async () => {
	acme = await portalAgency(uniqueSlug("acme"));
	project = await projectWith(acme, acme.clientX.id, ["Design"]);
});

function addLink(title = "Homepage mock-up", url = "https://figma.example/file/1") {
	return json<Deliverable>(
		call(acme.host, "/api/v1/deliverables", {
			cookie: acme.staffCookie,
			body: { projectId: project.project.id, title, kind: "link", url },
		}),
		201,
	);
}

function review(id: string, body: Record<string, unknown>, cookie = acme.xUser.cookie) {
	return call(acme.host, `/api/v1/deliverables/${id}/reviews`, { cookie, body });
}

describe("reviewing deliverables", () => {
	it("lets the client ask for changes, then approve; every decision is kept with its comment and author", async () => {
		const d = await addLink();
		expect(d.status).toBe("pending_review");
		const changes = await json<Deliverable>(review(d.id, { decision: "changes_requested", comment: "Bigger logo, please" }), 201);
		expect(changes.status).toBe("changes_requested");
		const approved = await json<Deliverable>(review(d.id, { decision: "approved" }), 201);
		expect(approved.status).toBe("approved");
		const seenByStaff = await json<Deliverable>(call(acme.host, `/api/v1/deliverables/${d.id}`, { cookie: acme.staffCookie }));
		expect(seenByStaff.reviews.map((r) => [r.decision, r.comment, r.authorName])).toEqual([
			["changes_requested", "Bigger logo, please", "client person"],
			["approved", "", "client person"],
		]);
		const again = await review(d.id, { decision: "changes_requested", comment: "Wait" });
		expect(again.status).toBe(409);
	});

	it("is for the client: staff cannot review (403), clients cannot add deliverables (403)", async () => {
		const d = await addLink();
		expect((await review(d.id, { decision: "approved" }, acme.staffCookie)).status).toBe(403);
		const add = await call(acme.host, "/api/v1/deliverables", {
			cookie: acme.xUser.cookie,
			body: { projectId: project.project.id, title: "Mine", kind: "link", url: "https://x.example" },
		});
		expect(add.status).toBe(403);
	});

	it("names bad fields and stores nothing", async () => {
		for (const [body, field] of [
			[{ projectId: project.project.id, title: "L", kind: "link", url: "http://insecure.example" }, "url"],
			[{ projectId: project.project.id, title: "L", kind: "link" }, "url"],
			[{ projectId: project.project.id, title: "L", kind: "link", url: "javascript:alert(1)" }, "url"],
			[{ projectId: project.project.id, title: "L", kind: "video" }, "kind"],
			[{ projectId: project.project.id, title: "", kind: "file" }, "title"],
		] as const) {
			const res = await call(acme.host, "/api/v1/deliverables", { cookie: acme.staffCookie, body });
			expect(res.status, JSON.stringify(body)).toBe(422);
			expect((await problemOf(res)).errors?.[0]?.path).toBe(field);
		}
		const d = await addLink();
		const noComment = await review(d.id, { decision: "changes_requested" });
		expect((await problemOf(noComment)).errors?.[0]?.path).toBe("comment");
		const badDecision = await review(d.id, { decision: "maybe" });
		expect((await problemOf(badDecision)).errors?.[0]?.path).toBe("decision");
		const rows = await env.DB.prepare(
			"SELECT (SELECT count(*) FROM deliverables WHERE tenant_id = ?1) AS d, (SELECT count(*) FROM deliverable_reviews WHERE tenant_id = ?1) AS r",
		)
			.bind(acme.tenantId)
			.first();
		expect(rows).toEqual({ d: 1, r: 0 });
	});
});

describe("isolation", () => {
	it("keeps client Y's user away from client X's deliverables: 404, no review possible", async () => {
		const d = await addLink();
		expect((await call(acme.host, `/api/v1/deliverables/${d.id}`, { cookie: acme.yUser.cookie })).status).toBe(404);
		expect((await review(d.id, { decision: "approved" }, acme.yUser.cookie)).status).toBe(404);
		const list = await json<{ deliverables: unknown[] }>(call(acme.host, "/api/v1/deliverables", { cookie: acme.yUser.cookie }));
		expect(list.deliverables).toEqual([]);
		const still = await json<Deliverable>(call(acme.host, `/api/v1/deliverables/${d.id}`, { cookie: acme.xUser.cookie }));
		expect(still.status).toBe("pending_review");
	});

	it("never lets agency B reach A's deliverables by id (404)", async () => {
		const d = await addLink();
		const beta = await signUpAgency(uniqueSlug("beta"));
		expect((await call(beta.host, `/api/v1/deliverables/${d.id}`, { cookie: beta.ownerCookie })).status).toBe(404);
		expect(
			(await json<{ deliverables: unknown[] }>(call(beta.host, "/api/v1/deliverables", { cookie: beta.ownerCookie }))).deliverables,
		).toEqual([]);
		const add = await call(beta.host, "/api/v1/deliverables", {
			cookie: beta.ownerCookie,
			body: { projectId: project.project.id, title: "In", kind: "link", url: "https://x.example" },
		});
		expect((await problemOf(add)).errors?.[0]?.path).toBe("projectId");
	});
});
