/**
 * Web Push end to end: a device subscribes at the local push service (web-push-testing), registers
 * with Atrium, and what the Worker sends arrives encrypted, VAPID-signed and decryptable, once per
 * notification; a subscription the service says is gone is removed.
 */
import { createExecutionContext, createMessageBatch, getQueueResult } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import type { Job } from "../../schema/jobs";
import worker from "../../worker/index";
import { resetStorageBeforeEachTest } from "../support/storage";
import { type Agency, call, logIn, problemOf, signUpAgency } from "./helpers";
import { addMember } from "./members";
import { pushService, received, register, subscribeDevice, VAPID_PUBLIC_KEY } from "./push-device";

// Legacy: these tests reuse agency slugs or count rows of every tenant, so each starts from empty
// storage (~0.2 s a test) until converted to unique slugs (tests/support/README.md).
resetStorageBeforeEachTest();

async function devices(host: string, cookie: string): Promise<{ id: string; deviceLabel: string }[]> {
	const res = await call(host, "/api/v1/push/subscriptions", { cookie });
	expect(res.status).toBe(200);
	return ((await res.json()) as { devices: { id: string; deviceLabel: string }[] }).devices;
}

async function runJob(job: Job) {
	const batch = createMessageBatch("atrium-jobs", [{ id: crypto.randomUUID(), timestamp: Date.now(), attempts: 1, body: job }]);
	const ctx = createExecutionContext();
	await worker.queue(batch as MessageBatch<unknown>, env, ctx);
	return getQueueResult(batch, ctx);
}

let acme: Agency;
let globex: Agency;
beforeEach(async () => {
	acme = await signUpAgency("acme", { agencyName: "Acme Studio", email: "ann@acme.test" });
	globex = await signUpAgency("globex", { email: "gil@globex.test" });
});

describe("push subscriptions", () => {
	it("gives the PWA the server key to subscribe with", async () => {
		const res = await call(acme.host, "/api/v1/push/config", { cookie: acme.ownerCookie });
		expect(await res.json()).toEqual({ publicKey: VAPID_PUBLIC_KEY });
	});

	it("registers a device, lists it, and the same endpoint again updates rather than duplicates", async () => {
		const device = await subscribeDevice();
		const first = await register(acme.host, acme.ownerCookie, device, "Firefox on Linux");
		expect(first.status).toBe(201);
		expect(await register(acme.host, acme.ownerCookie, device, "Chrome on Android")).toHaveProperty("status", 201);
		expect((await devices(acme.host, acme.ownerCookie)).map((d) => d.deviceLabel)).toEqual(["Chrome on Android"]);
	});

	it("refuses a non-https endpoint and malformed keys, naming the field, and saves nothing", async () => {
		const device = await subscribeDevice();
		const insecure = await call(acme.host, "/api/v1/push/subscriptions", {
			cookie: acme.ownerCookie,
			body: { endpoint: "http://push.example.com/x", keys: device.keys, deviceLabel: "Phone" },
		});
		expect(insecure.status).toBe(422);
		expect((await problemOf(insecure)).errors).toEqual([{ path: "endpoint", message: "must be an https push service URL" }]);
		const badKey = await call(acme.host, "/api/v1/push/subscriptions", {
			cookie: acme.ownerCookie,
			body: { endpoint: device.endpoint, keys: { p256dh: "short", auth: device.keys.auth }, deviceLabel: "Phone" },
		});
		expect(badKey.status).toBe(422);
		expect((await problemOf(badKey)).errors?.map((e) => e.path)).toEqual(["keys.p256dh"]);
		expect(await devices(acme.host, acme.ownerCookie)).toEqual([]);
	});

	it("needs a signed-in user", async () => {
		const res = await call(acme.host, "/api/v1/push/subscriptions");
		expect(res.status).toBe(401);
	});

	it("keeps each user's and each agency's devices apart", async () => {
		const device = await subscribeDevice();
		await register(acme.host, acme.ownerCookie, device);
		const [mine] = await devices(acme.host, acme.ownerCookie);
		const staffCookie = await (async () => {
			await addMember(acme.tenantId, "staff", "sam@acme.test");
			return logIn(acme.host, "sam@acme.test");
		})();
		expect(await devices(acme.host, staffCookie)).toEqual([]);
		expect((await call(acme.host, `/api/v1/push/subscriptions/${mine?.id}`, { method: "DELETE", cookie: staffCookie })).status).toBe(404);
		expect(await devices(globex.host, globex.ownerCookie)).toEqual([]);
		expect(
			(await call(globex.host, `/api/v1/push/subscriptions/${mine?.id}`, { method: "DELETE", cookie: globex.ownerCookie })).status,
		).toBe(404);
		// Acme's cookie on Globex's host opens nothing.
		expect((await call(globex.host, "/api/v1/push/subscriptions", { cookie: acme.ownerCookie })).status).toBe(401);
		expect(await devices(acme.host, acme.ownerCookie)).toHaveLength(1);
	});

	it("removes a device on request, and it receives nothing after", async () => {
		const device = await subscribeDevice();
		await register(acme.host, acme.ownerCookie, device);
		const [mine] = await devices(acme.host, acme.ownerCookie);
		expect((await call(acme.host, `/api/v1/push/subscriptions/${mine?.id}`, { method: "DELETE", cookie: acme.ownerCookie })).status).toBe(
			204,
		);
		const res = await call(acme.host, "/api/v1/push/test", { method: "POST", cookie: acme.ownerCookie });
		expect(await res.json()).toEqual({ delivered: 0, removed: 0 });
		expect(await received(device)).toEqual([]);
	});
});

describe("sending push notifications", () => {
	it("delivers an encrypted, signed test notification that the push service decrypts, under the agency's name", async () => {
		const device = await subscribeDevice();
		await register(acme.host, acme.ownerCookie, device);
		const res = await call(acme.host, "/api/v1/push/test", { method: "POST", cookie: acme.ownerCookie });
		expect(await res.json()).toEqual({ delivered: 1, removed: 0 });
		expect(await received(device)).toEqual([
			expect.objectContaining({ title: "Notifications are on", url: "/account", tenantName: "Acme Studio", icon: "/icons/icon-192.png" }),
		]);
	});

	it("pushes a job's notification once per device, however often the job runs", async () => {
		const phone = await subscribeDevice();
		const laptop = await subscribeDevice();
		await register(acme.host, acme.ownerCookie, phone, "Phone");
		await register(acme.host, acme.ownerCookie, laptop, "Laptop");
		const job: Job = {
			type: "push-notification",
			tenantId: acme.tenantId,
			userId: acme.owner.id,
			message: { title: "New message from Globex", body: "Can we move the kickoff?", url: "/messages", tag: "thread-1" },
			idempotencyKey: "message:42",
		};
		expect((await runJob(job)).explicitAcks).toHaveLength(1);
		expect((await runJob(job)).explicitAcks).toHaveLength(1);
		for (const device of [phone, laptop]) {
			expect((await received(device)).map((m) => m.title)).toEqual(["New message from Globex"]);
		}
	});

	it("removes a subscription the push service says is gone (410)", async () => {
		const device = await subscribeDevice();
		await register(acme.host, acme.ownerCookie, device);
		await fetch(`${pushService}/expire-subscription/${device.clientHash}`, { method: "POST" });
		const res = await call(acme.host, "/api/v1/push/test", { method: "POST", cookie: acme.ownerCookie });
		expect(await res.json()).toEqual({ delivered: 0, removed: 1 });
		expect(await devices(acme.host, acme.ownerCookie)).toEqual([]);
	});
});
