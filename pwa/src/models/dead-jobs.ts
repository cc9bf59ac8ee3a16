/**
 * Dead jobs as signals, for either viewer: the agency's own (Settings → Failed jobs, the session's
 * API) or every one (the operator console, its token). Replay and discard update the row in place;
 * while a replay runs, the list is read again every 2 s (at most a minute) until it settles. A
 * job with an action in flight cannot be clicked again, and the API enqueues a replay once anyway.
 */
import { type Signal, signal } from "@preact/signals";
import type { DeadJobList, DeadJobView } from "../../../schema/dto/dead-jobs";
import { api, operatorApi } from "../api/client";
import { fetchJson } from "../api/fetch-json";
import type { ProblemView } from "../api/problem";
import type { Result } from "../api/request";
import { operatorCall } from "./operator-session";

type Calls = {
	list: () => Promise<Result<DeadJobList>>;
	replay: (id: string) => Promise<Result<DeadJobView>>;
	discard: (id: string) => Promise<Result<DeadJobView>>;
};

export type DeadJobsModel = {
	jobs: Signal<DeadJobView[] | null>;
	problem: Signal<ProblemView | null>;
	/** Ids with a replay or discard request in flight. */
	pending: Signal<ReadonlySet<string>>;
	load: () => Promise<void>;
	act: (kind: "replay" | "discard", id: string) => Promise<Result<DeadJobView>>;
	forget: () => void;
};

const POLL_MS = 2_000;
const IN_FLIGHT: ProblemView = {
	status: 409,
	title: "Already sent",
	detail: "This job is already being handled.",
	fields: {},
	retryAfterSeconds: null,
};
const POLL_LIMIT = 30;

function deadJobsModel(calls: Calls): DeadJobsModel {
	const jobs = signal<DeadJobView[] | null>(null);
	const problem = signal<ProblemView | null>(null);
	const pending = signal<ReadonlySet<string>>(new Set());
	let timer: ReturnType<typeof setTimeout> | undefined;
	let polls = 0;

	const load = async (): Promise<void> => {
		const result = await calls.list();
		problem.value = result.ok ? null : result.problem;
		if (result.ok) jobs.value = result.value.jobs;
		watch();
	};
	// Reads the list again while a replay is running, so its outcome shows without a reload.
	const watch = (): void => {
		clearTimeout(timer);
		if (!jobs.value?.some((j) => j.status === "replaying") || polls >= POLL_LIMIT) return;
		polls += 1;
		timer = setTimeout(() => void load(), POLL_MS);
	};
	const setPending = (id: string, on: boolean): void => {
		const next = new Set(pending.value);
		if (on) next.add(id);
		else next.delete(id);
		pending.value = next;
	};
	const act = async (kind: "replay" | "discard", id: string): Promise<Result<DeadJobView>> => {
		if (pending.value.has(id)) return { ok: false, problem: { ...IN_FLIGHT } };
		setPending(id, true);
		const result = await calls[kind](id);
		setPending(id, false);
		if (result.ok) {
			const updated = result.value;
			jobs.value = (jobs.value ?? []).map((j) => (j.id === updated.id ? updated : j));
			polls = 0;
			watch();
		} else if (result.problem.status === 409) {
			await load();
		}
		return result;
	};
	const forget = (): void => {
		clearTimeout(timer);
		jobs.value = null;
		problem.value = null;
	};
	return { jobs, problem, pending, load, act, forget };
}

/** This agency's dead jobs (owners and admins). */
export const agencyDeadJobs = deadJobsModel({
	list: () => fetchJson(() => api.api.v1["dead-jobs"].$get({ query: { status: "all" } })),
	replay: (id) => fetchJson(() => api.api.v1["dead-jobs"][":id"].replay.$post({ param: { id } })),
	discard: (id) => fetchJson(() => api.api.v1["dead-jobs"][":id"].discard.$post({ param: { id } })),
});

/** Every agency's and the platform's dead jobs (the operator console). */
export const operatorDeadJobs = deadJobsModel({
	list: () => operatorCall((options) => operatorApi.api.operator["dead-jobs"].$get({ query: { status: "all" } }, options)),
	replay: (id) => operatorCall((options) => operatorApi.api.operator["dead-jobs"][":id"].replay.$post({ param: { id } }, options)),
	discard: (id) => operatorCall((options) => operatorApi.api.operator["dead-jobs"][":id"].discard.$post({ param: { id } }, options)),
});
