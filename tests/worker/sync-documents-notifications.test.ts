/**
 * Offline sync of document metadata (folders, documents, versions, only the user's own client's) and
 * of notifications (only their owner's; read state both ways), and the nightly pruning of replay
 * records: a replay within the window answers the same, a pruned one is refused, never re-applied.
 */
import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import { SYNC_REPLAY_WINDOW_MS } from "../../worker/services/sync/replay-window";
import { uniqueSlug } from "../support/agencies";
import { call, problemOf } from "../support/http";
import { runJobs } from "../support/queue";
import { text, uploaded, uploadSmall } from "./document-fixtures";
import { json, type PortalAgency, portalAgency, projectWith } from "./portal-fixtures";
import { mutation, pullAll, push, pushOk, recordsOf } from "./sync-fixtures";

let acme: PortalAgency;
beforeEach(async () => {
	acme = await portalAgency(uniqueSlug("acme"));
});

describe("document metadata in the change feed", () => {
	it("gives a client's person their client's folders, documents and versions, and a tombstone when one is deleted", async () => {
		const folder = await json<{ id: string }>(
			call(acme.host, `/api/v1/clients/${acme.clientX.id}/document-folders`, { cookie: acme.staffCookie, body: { name: "Brand" } }),
			201,
		);
		const brief = await uploaded(uploadSmall(acme, "brief.txt", text("v1")));
		await json(uploadSmall(acme, "brief.txt", text("version two")), 201);
		await uploaded(uploadSmall(acme, "y-secret.txt", text("y"), { clientId: acme.clientY.id }));

		const x = await pullAll(acme.host, acme.xUser.cookie);
		expect([...recordsOf(x, "document_folders").values()].map((f) => f?.name)).toEqual(["Brand"]);
		expect(recordsOf(x, "document_folders").get(folder.id)).toMatchObject({ clientId: acme.clientX.id });
		const doc = recordsOf(x, "documents").get(brief.id);
		expect([...recordsOf(x, "documents").keys()]).toEqual([brief.id]);
		expect(doc).toMatchObject({ name: "brief.txt", versionCount: 2, size: 11, contentType: "text/plain" });
		const versions = [...recordsOf(x, "document_versions").values()];
		expect(versions.map((v) => [v?.documentId, v?.number]).sort()).toEqual([
			[brief.id, 1],
			[brief.id, 2],
		]);
		expect(versions.find((v) => v?.number === 2)?.id).toBe(doc?.currentVersionId);
		expect(JSON.stringify(x.changes)).not.toMatch(/y-secret|objectKey|object_key/);

		const removed = await call(acme.host, `/api/v1/documents/${brief.id}`, { method: "DELETE", cookie: acme.staffCookie });
		expect(removed.status).toBe(204);
		const after = await pullAll(acme.host, acme.xUser.cookie, x.cursor);
		expect(after.changes.find((c) => c.id === brief.id)).toMatchObject({ entity: "documents", deleted: true, record: null });

		const y = await pullAll(acme.host, acme.yUser.cookie);
		expect([...recordsOf(y, "documents").values()].map((d) => d?.name)).toEqual(["y-secret.txt"]);
		expect(JSON.stringify(y.changes)).not.toContain(brief.id);
	});
});

describe("notifications in sync", () => {
	it("reach only their owner, and read state travels both ways", async () => {
		const project = await projectWith(acme, acme.clientX.id);
		for (const title of ["Homepage mock-up", "Logo"]) {
			await json(
				call(acme.host, "/api/v1/deliverables", {
					cookie: acme.staffCookie,
					body: { projectId: project.project.id, title, kind: "link", url: "https://files.example/mock.png" },
				}),
				201,
			);
		}
		const phone = await pullAll(acme.host, acme.xUser.cookie);
		const mine = [...recordsOf(phone, "notifications").entries()];
		expect(mine.map(([, n]) => [n?.title, n?.read])).toEqual([
			["Ready for your review: Homepage mock-up", false],
			["Ready for your review: Logo", false],
		]);
		for (const other of [acme.yUser.cookie, acme.staffCookie]) {
			expect(recordsOf(await pullAll(acme.host, other), "notifications").size).toBe(0);
		}
		const [[firstId], [secondId]] = mine as [[string, unknown], [string, unknown]];

		// Read offline on the phone: applied through the outbox; someone else's device cannot.
		const [read] = await pushOk(acme.host, acme.xUser.cookie, "phone-x-01", [mutation(1, "notification.read", firstId)]);
		expect(read).toMatchObject({ outcome: "applied", record: { read: true } });
		const [peek] = await pushOk(acme.host, acme.yUser.cookie, "phone-y-01", [mutation(1, "notification.read", secondId)]);
		expect(peek).toMatchObject({ outcome: "rejected", problem: { status: 404 } });

		// Read in the browser: the phone learns of it.
		await json(call(acme.host, "/api/v1/notifications/read", { cookie: acme.xUser.cookie, body: { ids: [secondId] } }));
		const later = await pullAll(acme.host, acme.xUser.cookie, phone.cursor);
		expect([...recordsOf(later, "notifications").values()].map((n) => n?.read)).toEqual([true, true]);
		const inbox = await json<{ unreadCount: number }>(call(acme.host, "/api/v1/notifications", { cookie: acme.xUser.cookie }));
		expect(inbox.unreadCount).toBe(0);
	});
});

describe("pruning replay records", () => {
	it("keeps each device's newest result, refuses a replay older than the window, and releases a stale claim", async () => {
		const project = await projectWith(acme, acme.clientX.id);
		const tasks = ["One", "Two"].map((title, i) =>
			mutation(i + 1, "task.create", crypto.randomUUID(), { changes: { projectId: project.project.id, title } }),
		);
		await pushOk(acme.host, acme.staffCookie, "laptop-staff", tasks);
		const old = Date.now() - SYNC_REPLAY_WINDOW_MS - 60_000;
		await env.DB.prepare("UPDATE sync_mutations SET created_at = ? WHERE tenant_id = ?").bind(old, acme.tenantId).run();
		// A claim left by a Worker that died mid-mutation.
		const stuck = mutation(3, "task.create", crypto.randomUUID(), { changes: { projectId: project.project.id, title: "Three" } });
		await env.DB.prepare(
			"INSERT INTO sync_mutations (tenant_id, user_id, device_id, seq, mutation_id, result, created_at) VALUES (?, ?, ?, 3, ?, NULL, ?)",
		)
			.bind(acme.tenantId, acme.staffId, "laptop-staff", stuck.id, old)
			.run();
		expect((await push(acme.host, acme.staffCookie, "laptop-staff", [stuck])).status).toBe(409);

		expect((await runJobs([{ type: "prune-sync-mutations", tenantId: null, idempotencyKey: "prune:test" }])).explicitAcks).toHaveLength(1);
		const left = await env.DB.prepare("SELECT seq FROM sync_mutations WHERE tenant_id = ? ORDER BY seq")
			.bind(acme.tenantId)
			.all<{ seq: number }>();
		expect(left.results.map((r) => r.seq)).toEqual([2]);

		// Within the window (seq 2 kept) a replay answers the same; seq 1, pruned, is refused and not applied again.
		expect((await pushOk(acme.host, acme.staffCookie, "laptop-staff", [tasks[1] as Record<string, unknown>]))[0]?.outcome).toBe("applied");
		const replay = await push(acme.host, acme.staffCookie, "laptop-staff", [tasks[0] as Record<string, unknown>]);
		expect(replay.status).toBe(422);
		expect((await problemOf(replay)).errors?.[0]?.path).toBe("mutations.0.seq");
		// The released claim is applied by the device's retry; every task exists once.
		expect((await pushOk(acme.host, acme.staffCookie, "laptop-staff", [stuck]))[0]?.outcome).toBe("applied");
		const feed = await pullAll(acme.host, acme.staffCookie);
		expect([...recordsOf(feed, "tasks").values()].map((t) => t?.title).sort()).toEqual(["One", "Three", "Two"]);
	});
});
