/// <reference lib="webworker" />
/**
 * The service worker's part of offline sync: when the browser fires Background Sync for the outbox
 * (registered by the page while offline), send the signed-in user's outbox, then tell open pages.
 */
import { activeStoreName, openLocalStore } from "./local-store";
import { flushOutbox } from "./sync-client";

export const OUTBOX_SYNC_TAG = "atrium-outbox";

type SyncEvent = ExtendableEvent & { tag: string };

async function flushActiveOutbox(sw: ServiceWorkerGlobalScope): Promise<void> {
	const name = await activeStoreName();
	if (!name) return;
	const db = await openLocalStore(name);
	try {
		const outcome = await flushOutbox(db);
		// Throwing makes the browser retry the sync later.
		if (outcome.offline) throw new Error("outbox not sent: offline");
	} finally {
		db.close();
		for (const client of await sw.clients.matchAll({ type: "window" })) client.postMessage({ type: "SYNC_DONE" });
	}
}

export function registerBackgroundSync(sw: ServiceWorkerGlobalScope): void {
	sw.addEventListener("sync", ((event: SyncEvent) => {
		if (event.tag === OUTBOX_SYNC_TAG) event.waitUntil(flushActiveOutbox(sw));
	}) as EventListener);
}
