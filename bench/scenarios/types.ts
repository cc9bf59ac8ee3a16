/** What a scenario is: a named request mix, prepared against the running Worker, with optional goals. */
import type { HttpClient, HttpMethod } from "../lib/http";
import type { BenchSettings } from "../settings";

/** One request of the mix; each connection sends the list in order, round and round. */
export type LoadRequest = {
	method: HttpMethod;
	path: string;
	/** The Host header (tenant hosts are `<slug>.localhost`). */
	host: string;
	headers?: Record<string, string>;
	body?: string;
	/** The status every response must have; anything else is counted as unexpected. */
	expectStatus: number;
};

/** Targets a row is checked against; benchmarks print whether they are met and never fail on them. */
export type Goal = {
	/** Throughput as a fraction of the baseline's, e.g. 0.6. */
	minRatio?: number;
	/** p99 latency ceiling at the configured connections. */
	maxP99Ms?: number;
	/** An absolute throughput floor, for rows whose goal is stated in operations per second. */
	minRequestsPerSecond?: number;
};

export type ScenarioContext = {
	http: HttpClient;
	settings: BenchSettings;
	/** A distinct CF-Connecting-IP per sign-up or sign-in, as those are rate limited per address. */
	nextClientIp(): string;
};

export type Scenario = {
	/** Short id, for BENCH_ONLY and the JSON results. */
	id: string;
	/** The row label, e.g. `GET /api/v1/me (session)`. */
	label: string;
	goal?: Goal;
	/** Creates whatever the load needs (agencies, sessions, …) and returns the request mix. */
	prepare(context: ScenarioContext): Promise<LoadRequest[]>;
	/** Checks, after the load, that the work was done right (e.g. no credit lost or doubled); the line is printed with the row. */
	verify?(context: ScenarioContext): Promise<string>;
};
