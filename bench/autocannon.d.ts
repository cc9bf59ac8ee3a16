/**
 * The part of autocannon 9's API the benchmark uses (the package ships no types). Ambient, so
 * `import autocannon from "autocannon"` type-checks under `tsc -p tsconfig.node.json`.
 */
declare module "autocannon" {
	import type { EventEmitter } from "node:events";

	namespace autocannon {
		type HttpMethod = "GET" | "HEAD" | "POST" | "PUT" | "PATCH" | "DELETE" | "OPTIONS";

		interface Request {
			method?: HttpMethod;
			path?: string;
			headers?: Record<string, string>;
			body?: string | Buffer;
		}

		interface Options {
			url: string;
			connections?: number;
			/** Seconds. */
			duration?: number;
			pipelining?: number;
			/** Seconds before a request counts as timed out. */
			timeout?: number;
			requests?: Request[];
			headers?: Record<string, string>;
			method?: HttpMethod;
			title?: string;
		}

		/** Percentiles of an HDR histogram, in the histogram's unit (ms for latency). */
		interface Histogram {
			average: number;
			mean: number;
			stddev: number;
			min: number;
			max: number;
			total: number;
			p2_5: number;
			p50: number;
			p90: number;
			p97_5: number;
			p99: number;
			p99_9: number;
		}

		interface Result {
			title?: string;
			url: string;
			connections: number;
			pipelining: number;
			/** Seconds actually run. */
			duration: number;
			start: Date;
			finish: Date;
			errors: number;
			timeouts: number;
			non2xx: number;
			resets: number;
			statusCodeStats: Record<string, { count: number }>;
			latency: Histogram & { totalCount: number };
			requests: Histogram & { sent: number };
			throughput: Histogram;
		}
	}

	function autocannon(options: autocannon.Options, callback: (error: Error | null, result: autocannon.Result) => void): EventEmitter;

	export = autocannon;
}
