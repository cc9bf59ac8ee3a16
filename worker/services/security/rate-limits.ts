/** Asking a TenantGate Durable Object for rate-limit tokens. The platform host has a gate of its own. */
import type { BucketRule, TakeResult } from "../../../schema/rate-limits";

export const PLATFORM_GATE = "platform";

export type GateNamespace = Env["TENANT_GATE"];

/** Takes one token from each bucket in order; stops at the first that is empty. */
export async function takeTokens(
	namespace: GateNamespace,
	gate: string,
	buckets: ReadonlyArray<{ key: string; rule: BucketRule }>,
): Promise<TakeResult> {
	const stub = namespace.getByName(gate);
	let last: TakeResult = { allowed: true, remaining: Number.POSITIVE_INFINITY };
	for (const { key, rule } of buckets) {
		last = await stub.take(key, rule);
		if (!last.allowed) return last;
	}
	return last;
}

export async function resetBucket(namespace: GateNamespace, gate: string, key: string): Promise<void> {
	await namespace.getByName(gate).reset(key);
}

export function retryAfterSeconds(result: Extract<TakeResult, { allowed: false }>): number {
	return Math.max(1, Math.ceil(result.retryAfterMs / 1000));
}
