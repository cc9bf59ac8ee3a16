/**
 * The one store-first loader every offline page model uses (project page, projects list, message
 * threads, notifications, documents): the page reads the device's synced records at once (works
 * offline), then syncs and asks the network together; the network's answer is laid over the store
 * wherever it is newer (`withNewerRecords`), so a lagging store never hides a newer answer, an older
 * answer never hides a newer synced record, and a deletion the store knows of stays deleted.
 */
import { computed, type ReadonlySignal, signal } from "@preact/signals";
import type { ProblemView } from "../api/problem";
import { type NetworkRecord, type Records, withNewerRecords } from "../sync/newer-records";
import { me } from "./session";
import { records, storeReady, syncNow, tombstones } from "./sync";

type Answer<T> = { ok: true; value: T } | { ok: false; problem: ProblemView };

export type StoreFirst<T> = {
	/** The store's records (none until it is open) with the last network answer laid over them where newer. */
	records: ReadonlySignal<Records>;
	/** The last network answer, for the signed-in user it was fetched for (null before one). */
	answer: ReadonlySignal<T | null>;
	/** Syncs and asks the network together; keeps a good answer; resolves with the network's result once both are done. */
	load(request: () => Promise<Answer<T>>): Promise<Answer<T>>;
};

/** A store-first view of one kind of network answer; `toRecords` names the synced records in it. */
export function storeFirst<T>(toRecords: (answer: T) => Iterable<NetworkRecord>): StoreFirst<T> {
	const last = signal<{ userId: string; value: T } | null>(null);
	const answer = computed(() => {
		const kept = last.value;
		return kept && kept.userId === me.value?.user.id ? kept.value : null;
	});
	const merged = computed(() => {
		const network = answer.value;
		const local = storeReady.value ? records.value : new Map();
		const deleted = storeReady.value ? tombstones.value : new Set<string>();
		return network === null ? local : withNewerRecords(local, deleted, toRecords(network));
	});
	return {
		records: merged,
		answer,
		async load(request) {
			const userId = me.value?.user.id;
			const [result] = await Promise.all([
				request().then((r) => {
					if (r.ok && userId) last.value = { userId, value: r.value };
					return r;
				}),
				syncNow(),
			]);
			return result;
		},
	};
}
