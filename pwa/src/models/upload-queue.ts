/**
 * A queue of file uploads with per-file progress, cancel and retry, for any screen that takes files
 * (the Documents page today). `createUploadQueue(send)` takes how one file is sent (with a progress
 * report and an AbortSignal) and runs up to MAX_PARALLEL at once. Each entry keeps its File, so a
 * failed one can be sent again; a cancelled one leaves the queue (its request aborted, and the
 * sender cleans up anything the server started). Finished entries stay, marked done, until cleared.
 */
import { type Signal, signal } from "@preact/signals";
import type { Result } from "../api/request";

export type UploadState = "waiting" | "uploading" | "saving" | "done" | "failed";

export type UploadEntry = {
	key: string;
	file: File;
	state: UploadState;
	/** Bytes sent so far. */
	loaded: number;
	/** Why it failed (shown next to Retry). */
	problem: string | null;
};

export type SendFile = (file: File, report: (loaded: number) => void, signal: AbortSignal) => Promise<Result<unknown>>;

export type UploadQueue = {
	entries: Signal<UploadEntry[]>;
	/** A short sentence for a live region: the last thing that happened. */
	announcement: Signal<string>;
	add: (files: Iterable<File>) => void;
	cancel: (key: string) => void;
	retry: (key: string) => void;
	clearFinished: () => void;
};

const MAX_PARALLEL = 3;

export function percentOf(entry: UploadEntry): number {
	return Math.min(100, Math.round((entry.loaded / Math.max(1, entry.file.size)) * 100));
}

export function createUploadQueue(send: SendFile, onUploaded?: () => void): UploadQueue {
	const entries = signal<UploadEntry[]>([]);
	const announcement = signal("");
	const running = new Map<string, AbortController>();
	let counter = 0;

	const update = (key: string, change: Partial<UploadEntry>) => {
		entries.value = entries.value.map((e) => (e.key === key ? { ...e, ...change } : e));
	};

	const start = (entry: UploadEntry) => {
		const controller = new AbortController();
		running.set(entry.key, controller);
		update(entry.key, { state: "uploading", loaded: 0, problem: null });
		const report = (loaded: number) => {
			if (!controller.signal.aborted) update(entry.key, { loaded, state: loaded >= entry.file.size ? "saving" : "uploading" });
		};
		void send(entry.file, report, controller.signal).then((result) => {
			running.delete(entry.key);
			if (controller.signal.aborted) return pump();
			if (result.ok) {
				update(entry.key, { state: "done", loaded: entry.file.size });
				announcement.value = `${entry.file.name} uploaded.`;
				onUploaded?.();
			} else {
				update(entry.key, { state: "failed", problem: result.problem.detail });
				announcement.value = `${entry.file.name} failed: ${result.problem.detail}`;
			}
			pump();
		});
	};

	const pump = () => {
		for (const entry of entries.value) {
			if (running.size >= MAX_PARALLEL) return;
			if (entry.state === "waiting" && !running.has(entry.key)) start(entry);
		}
	};

	return {
		entries,
		announcement,
		add(files) {
			const added = [...files].map((file): UploadEntry => ({ key: `u${++counter}`, file, state: "waiting", loaded: 0, problem: null }));
			if (added.length === 0) return;
			entries.value = [...entries.value, ...added];
			announcement.value = added.length === 1 ? `Uploading ${added[0]?.file.name}.` : `Uploading ${added.length} files.`;
			pump();
		},
		cancel(key) {
			const entry = entries.value.find((e) => e.key === key);
			running.get(key)?.abort();
			entries.value = entries.value.filter((e) => e.key !== key);
			if (entry) announcement.value = `${entry.file.name} cancelled.`;
			pump();
		},
		retry(key) {
			update(key, { state: "waiting", loaded: 0, problem: null });
			pump();
		},
		clearFinished() {
			entries.value = entries.value.filter((e) => e.state !== "done");
		},
	};
}
