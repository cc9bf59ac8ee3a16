/**
 * Web Push end to end: a device subscribes at the local push service (web-push-testing), registers
 * with Atrium, and what the Worker sends arrives encrypted, VAPID-signed and decryptable, once per
 * notification; a subscription the service says is gone is removed. Endpoints must be on a real
 * push service (the loopback test service only in development), and a failing device never fails
 * the request, the job or the user's other devices.
 */
import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import type { Job } from "../../schema/jobs";
import { createApp } from "../../worker/app";
import { type Agency, logIn, signUpAgency, uniqueSlug } from "../support/agencies";
import { call, problemOf } from "../support/http";
import { runJobs } from "../support/queue";
import { addMember } from "./members";
import { pushService, received, register, type Subscribed, subscribeDevice, VAPID_PUBLIC_KEY } from "./push-device";

async function devices(host: string, cookie: string): Promise<{ id: string; deviceLabel: string }[]> {
	const res = await call(host, "/api/v1/push/subscriptions", { cookie });
	expect(res.status).toBe(200);
	return ((await res.json()) as { devices: { id: string; deviceLabel: string }[] }).devices;
}

let acme: Agency;
let globex: Agency;
beforeEach(async () => {
	acme = await signUpAgency(uniqueSlug("acme"), { agencyName: "Acme Studio", email: "ann@acme.test" });
	globex = await signUpAgency(uniqueSlug("globex"), { email: "gil@globex.test" });
});

/** Registers an endpoint the browser never gave (a push service that fails, or an address it must not reach) with valid-looking keys. */
function registerEndpoint(host: string, cookie: string, endpoint: string, keys: Subscribed["keys"], deviceLabel = "Odd device") {
	return call(host, "/api/v1/push/subscriptions", { cookie, body: { endpoint, keys, deviceLabel } });
}

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
		expect((await problemOf(insecure)).errors).toEqual([{ path: "endpoint", message: "must use https" }]);
		const badKey = await call(acme.host, "/api/v1/push/subscriptions", {
			cookie: acme.ownerCookie,
			body: { endpoint: device.endpoint, keys: { p256dh: "short", auth: device.keys.auth }, deviceLabel: "Phone" },
		});
		expect(badKey.status).toBe(422);
		expect((await problemOf(badKey)).errors?.map((e) => e.path)).toEqual(["keys.p256dh"]);
		expect(await devices(acme.host, acme.ownerCookie)).toEqual([]);
	});

	it("accepts only real push services' endpoints: no private address, no other host, whatever the spelling", async () => {
		const { keys } = await subscribeDevice();
		const refused = [
			"https://10.0.0.1/push/x",
			"https://169.254.169.254/latest/meta-data/",
			"https://2852039166/push",
			"https://[::ffff:10.0.0.1]/push",
			"https://[fd00::1]/push",
			"https://metadata.google.internal/push",
			"https://push.attacker.test/fcm/send/x",
			"https://fcm.googleapis.com.attacker.test/fcm/send/x",
			"https://user:pw@fcm.googleapis.com/fcm/send/x",
			"https://fcm.googleapis.com:8080/fcm/send/x",
		];
		for (const endpoint of refused) {
			const res = await registerEndpoint(acme.host, acme.ownerCookie, endpoint, keys);
			expect(res.status, endpoint).toBe(422);
			expect(
				(await problemOf(res)).errors?.map((e) => e.path),
				endpoint,
			).toEqual(["endpoint"]);
		}
		expect(await devices(acme.host, acme.ownerCookie)).toEqual([]);
		for (const endpoint of [
			"https://fcm.googleapis.com/fcm/send/abc:def",
			"https://updates.push.services.mozilla.com/wpush/v2/gAAA",
			"https://web.push.apple.com/QGx",
			"https://wns2-by3p.notify.windows.com/w/?token=x",
		]) {
			expect((await registerEndpoint(acme.host, acme.ownerCookie, endpoint, keys)).status, endpoint).toBe(201);
		}
	});

	it("refuses the loopback test push service outside development", async () => {
		const device = await subscribeDevice();
		const production = { ...env, ENVIRONMENT: "production" };
		const res = await createApp().request(
			`http://${acme.host}/api/v1/push/subscriptions`,
			{
				method: "POST",
				headers: { "Content-Type": "application/json", Origin: `http://${acme.host}`, Cookie: acme.ownerCookie },
				body: JSON.stringify({ endpoint: device.endpoint, keys: device.keys, deviceLabel: "Phone" }),
			},
			production,
		);
		expect(res.status).toBe(422);
		expect((await problemOf(res)).errors?.map((e) => e.path)).toEqual(["endpoint"]);
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
		expect(await res.json()).toEqual({ delivered: 0, removed: 0, failed: 0 });
		expect(await received(device)).toEqual([]);
	});
});

describe("sending push notifications", () => {
	it("delivers an encrypted, signed test notification that the push service decrypts, under the agency's name", async () => {
		const device = await subscribeDevice();
		await register(acme.host, acme.ownerCookie, device);
		const res = await call(acme.host, "/api/v1/push/test", { method: "POST", cookie: acme.ownerCookie });
		expect(await res.json()).toEqual({ delivered: 1, removed: 0, failed: 0 });
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
		expect((await runJobs([job])).explicitAcks).toHaveLength(1);
		expect((await runJobs([job])).explicitAcks).toHaveLength(1);
		for (const device of [phone, laptop]) {
			expect((await received(device)).map((m) => m.title)).toEqual(["New message from Globex"]);
		}
	});

	it("removes a subscription the push service says is gone (410)", async () => {
		const device = await subscribeDevice();
		await register(acme.host, acme.ownerCookie, device);
		await fetch(`${pushService}/expire-subscription/${device.clientHash}`, { method: "POST" });
		const res = await call(acme.host, "/api/v1/push/test", { method: "POST", cookie: acme.ownerCookie });
		expect(await res.json()).toEqual({ delivered: 0, removed: 1, failed: 0 });
		expect(await devices(acme.host, acme.ownerCookie)).toEqual([]);
	});

	it("a failing push service never fails the request or the user's other devices", async () => {
		const phone = await subscribeDevice();
		await register(acme.host, acme.ownerCookie, phone, "Phone");
		// One push service refuses (400 for a subscription it never issued), another cannot be reached at all.
		expect((await registerEndpoint(acme.host, acme.ownerCookie, `${pushService}/notify/never-issued`, phone.keys, "Refusing")).status).toBe(
			201,
		);
		expect(
			(await registerEndpoint(acme.host, acme.ownerCookie, "http://127.0.0.1:1/notify/unreachable", phone.keys, "Unreachable")).status,
		).toBe(201);
		const res = await call(acme.host, "/api/v1/push/test", { method: "POST", cookie: acme.ownerCookie });
		expect(res.status).toBe(200);
		expect(await res.json()).toEqual({ delivered: 1, removed: 0, failed: 2 });
		expect((await received(phone)).map((m) => m.title)).toEqual(["Notifications are on"]);
		// The failing devices stay registered: their services may recover.
		expect((await devices(acme.host, acme.ownerCookie)).map((d) => d.deviceLabel).sort()).toEqual(["Phone", "Refusing", "Unreachable"]);
	});

	it("a push job with a failing device is acknowledged, and the other devices receive it once", async () => {
		const phone = await subscribeDevice();
		const laptop = await subscribeDevice();
		await register(acme.host, acme.ownerCookie, phone, "Phone");
		await registerEndpoint(acme.host, acme.ownerCookie, "http://127.0.0.1:1/notify/unreachable", phone.keys, "Unreachable");
		await register(acme.host, acme.ownerCookie, laptop, "Laptop");
		const job: Job = {
			type: "push-notification",
			tenantId: acme.tenantId,
			userId: acme.owner.id,
			message: { title: "Invoice paid", body: "Thanks!", url: "/billing", tag: "invoice-1" },
			idempotencyKey: `invoice:${acme.tenantId}`,
		};
		const result = await runJobs([job]);
		expect(result.explicitAcks).toHaveLength(1);
		expect(result.retryMessages).toEqual([]);
		for (const device of [phone, laptop]) expect((await received(device)).map((m) => m.title)).toEqual(["Invoice paid"]);
	});

	it("never sends to a stored endpoint the guard refuses, and removes it", async () => {
		const phone = await subscribeDevice();
		await register(acme.host, acme.ownerCookie, phone, "Phone");
		// A row saved before the allow-list existed, pointing at the cloud metadata address.
		await env.DB.prepare(
			"INSERT INTO push_subscriptions (id, tenant_id, user_id, endpoint, p256dh, auth, device_label, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
		)
			.bind(
				crypto.randomUUID(),
				acme.tenantId,
				acme.owner.id,
				"https://169.254.169.254/latest/meta-data/",
				phone.keys.p256dh,
				phone.keys.auth,
				"Legacy",
				Date.now(),
			)
			.run();
		const res = await call(acme.host, "/api/v1/push/test", { method: "POST", cookie: acme.ownerCookie });
		expect(await res.json()).toEqual({ delivered: 1, removed: 1, failed: 0 });
		expect((await devices(acme.host, acme.ownerCookie)).map((d) => d.deviceLabel)).toEqual(["Phone"]);
	});
});
