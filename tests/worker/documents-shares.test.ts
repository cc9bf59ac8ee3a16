/** Share links: signed, expiring, optional password with rate-limited guesses, download counts, revocation, audit, tenancy. */
import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import { uniqueSlug } from "../support/agencies";
import { call, problemOf } from "../support/http";
import { text, uploaded, uploadSmall } from "./document-fixtures";
import { json, type PortalAgency, portalAgency } from "./portal-fixtures";

type Share = {
	id: string;
	token: string;
	url: string;
	expiresAt: number;
	hasPassword: boolean;
	downloadCount: number;
	revokedAt: number | null;
};
let acme: PortalAgency;
let documentId: string;
beforeEach(async () => {
	acme = await portalAgency(uniqueSlug("acme"));
	documentId = (await uploaded(uploadSmall(acme, "report.txt", text("quarterly numbers")))).id;
});

function share(body: Record<string, unknown>, cookie = acme.staffCookie) {
	return json<Share>(call(acme.host, `/api/v1/documents/${documentId}/shares`, { cookie, body }), 201);
}

function formPost(host: string, path: string, password: string) {
	return call(host, path, {
		method: "POST",
		rawBody: new URLSearchParams({ password }).toString(),
		headers: { "Content-Type": "application/x-www-form-urlencoded" },
	});
}

describe("share links", () => {
	it("lets anyone with the link download without signing in, counts downloads, and stops at revocation; both audited", async () => {
		const link = await share({ expiresInHours: 24 }, acme.xUser.cookie);
		expect(link.url).toBe(`http://${acme.host}/s/${link.token}`);
		const info = await json(call(acme.host, `/api/v1/shared/${link.token}`));
		expect(info).toMatchObject({ fileName: "report.txt", size: 17, needsPassword: false });
		const download = await call(acme.host, `/api/v1/shared/${link.token}/download`);
		expect(download.status).toBe(200);
		expect(download.headers.get("Content-Disposition")).toMatch(/^attachment; filename="report.txt"/);
		expect(await download.text()).toBe("quarterly numbers");
		await call(acme.host, `/api/v1/shared/${link.token}/download`).then((r) => r.text());
		const list = await json<{ shares: Share[] }>(call(acme.host, `/api/v1/documents/${documentId}/shares`, { cookie: acme.staffCookie }));
		expect(list.shares.map((s) => [s.id, s.downloadCount])).toEqual([[link.id, 2]]);
		expect(JSON.stringify(list)).not.toContain(link.token);
		const revoked = await json<Share>(
			call(acme.host, `/api/v1/document-shares/${link.id}`, { method: "DELETE", cookie: acme.staffCookie }),
		);
		expect(revoked.revokedAt).not.toBeNull();
		expect((await call(acme.host, `/api/v1/shared/${link.token}`)).status).toBe(404);
		expect((await call(acme.host, `/api/v1/shared/${link.token}/download`)).status).toBe(404);
		const audit = await env.DB.prepare(
			"SELECT action, actor_label FROM audit_events WHERE tenant_id = ? AND action LIKE 'document.%' ORDER BY created_at, action",
		)
			.bind(acme.tenantId)
			.all();
		expect(audit.results.map((r) => r.action).sort()).toEqual(["document.share_created", "document.share_revoked"]);
	});

	it("builds the link on the agency's primary custom domain when made through another of its addresses", async () => {
		const primary = `files.${acme.slug}-primary.test`;
		const alternate = `old.${acme.slug}-alternate.test`;
		const now = Date.now();
		const insert = env.DB.prepare(
			"INSERT INTO tenant_domains (id, tenant_id, hostname, kind, verified, is_primary, verified_at, created_at) VALUES (?, ?, ?, 'custom', 1, ?, ?, ?)",
		);
		await env.DB.batch([
			env.DB.prepare("UPDATE tenant_domains SET is_primary = 0 WHERE tenant_id = ?").bind(acme.tenantId),
			insert.bind(crypto.randomUUID(), acme.tenantId, primary, 1, now, now),
			insert.bind(crypto.randomUUID(), acme.tenantId, alternate, 0, now, now),
		]);
		const link = await json<Share>(
			call(`${alternate}:6666`, `/api/v1/documents/${documentId}/shares`, {
				cookie: acme.staffCookie,
				body: { expiresInHours: 24 },
				headers: { "X-Forwarded-Host": "evil.example" },
			}),
			201,
		);
		expect(link.url).toBe(`http://${primary}/s/${link.token}`);
		expect(await json(call(primary, `/api/v1/shared/${link.token}`))).toMatchObject({ fileName: "report.txt" });
	});

	it("asks for the password, refuses a wrong one naming password, and rate-limits guesses", async () => {
		const link = await share({ expiresInHours: 1, password: "open sesame" });
		expect(await json(call(acme.host, `/api/v1/shared/${link.token}`))).toMatchObject({ needsPassword: true });
		const none = await call(acme.host, `/api/v1/shared/${link.token}/download`);
		expect(none.status).toBe(401);
		expect((await problemOf(none)).errors).toEqual([{ path: "password", message: "is required" }]);
		const wrong = await formPost(acme.host, `/api/v1/shared/${link.token}/download`, "guess");
		expect((await problemOf(wrong)).errors).toEqual([{ path: "password", message: "is not right" }]);
		const right = await formPost(acme.host, `/api/v1/shared/${link.token}/download`, "open sesame");
		expect(await right.text()).toBe("quarterly numbers");
		const statuses: number[] = [];
		for (let i = 0; i < 9; i++) statuses.push((await formPost(acme.host, `/api/v1/shared/${link.token}/download`, `guess ${i}`)).status);
		expect(statuses.at(-1)).toBe(429);
		const stored = await env.DB.prepare("SELECT password_hash FROM document_shares WHERE id = ?")
			.bind(link.id)
			.first<{ password_hash: string }>();
		expect(stored?.password_hash).toMatch(/^argon2id\$/);
	});

	it("refuses tampered, expired and other agencies' links with the same 404", async () => {
		const link = await share({ expiresInHours: 1 });
		const [id, signature] = link.token.split(".");
		const tampered = `${id}.${signature?.slice(0, -2)}AA`;
		expect((await call(acme.host, `/api/v1/shared/${tampered}`)).status).toBe(404);
		const beta = await portalAgency(uniqueSlug("beta"));
		expect((await call(beta.host, `/api/v1/shared/${link.token}`)).status).toBe(404);
		expect((await call(beta.host, `/api/v1/shared/${link.token}/download`)).status).toBe(404);
		expect((await call(beta.host, `/api/v1/document-shares/${link.id}`, { method: "DELETE", cookie: beta.ownerCookie })).status).toBe(404);
		await env.DB.prepare("UPDATE document_shares SET expires_at = ? WHERE id = ?")
			.bind(Date.now() - 1, link.id)
			.run();
		expect((await call(acme.host, `/api/v1/shared/${link.token}`)).status).toBe(404);
	});

	it("names bad fields, refuses a client of another client (404) and roles without documents:write (403)", async () => {
		const bad = await call(acme.host, `/api/v1/documents/${documentId}/shares`, {
			cookie: acme.staffCookie,
			body: { expiresInHours: 0, password: "short" },
		});
		expect((await problemOf(bad)).errors?.map((e) => e.path)).toEqual(["expiresInHours", "password"]);
		expect(
			(await call(acme.host, `/api/v1/documents/${documentId}/shares`, { cookie: acme.yUser.cookie, body: { expiresInHours: 1 } })).status,
		).toBe(404);
		expect((await call(acme.host, `/api/v1/shared/not-a-token!`)).status).toBe(422);
		expect((await call(acme.host, `/api/v1/documents/${documentId}/shares`, { body: { expiresInHours: 1 } })).status).toBe(401);
	});
});
