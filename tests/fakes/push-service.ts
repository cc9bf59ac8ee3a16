/**
 * A local Web Push service for tests: web-push-testing's server, in this process, bound to
 * 127.0.0.1 only. It hands out subscriptions like a browser's push service, checks the VAPID
 * signature, decrypts (RFC 8291) what it receives, and answers 410 for expired subscriptions.
 */
import type { Server } from "node:http";
import { createRequire } from "node:module";
import type { AddressInfo } from "node:net";

type PushApiModel = { notifyUrl: string };
type TestingServer = { _app: { listen(port: number, host: string, ready: () => void): Server }; setRequestHandlers(): void };

const require = createRequire(import.meta.url);
const { PushApiModel } = require("web-push-testing/src/PushApiModel.js") as { PushApiModel: new () => PushApiModel };
const WebPushTestingServer = require("web-push-testing/src/server.js") as new (model: PushApiModel, port: number) => TestingServer;

export type LocalPushService = { url: string; close(): Promise<void> };

export async function startLocalPushService(): Promise<LocalPushService> {
	const model = new PushApiModel();
	const testing = new WebPushTestingServer(model, 0);
	const server = await new Promise<Server>((resolve) => {
		const listening = testing._app.listen(0, "127.0.0.1", () => resolve(listening));
	});
	testing.setRequestHandlers();
	server.unref();
	const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	model.notifyUrl = `${url}/notify/`;
	return { url, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
