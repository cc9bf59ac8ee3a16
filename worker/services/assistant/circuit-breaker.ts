/**
 * A circuit breaker per provider: after `failureThreshold` consecutive failures the circuit opens
 * and the provider is skipped for `openMs`; then one probe is let through (half-open). A success
 * closes it; a failed probe opens it again. The clock is injected so tests can move time.
 */
export type BreakerOptions = { failureThreshold: number; openMs: number };
export const DEFAULT_BREAKER: BreakerOptions = { failureThreshold: 3, openMs: 30_000 };

export type BreakerState = "closed" | "open" | "half-open";

type Circuit = { failures: number; openedAt: number | null; probing: boolean };

export class CircuitBreakers {
	private readonly circuits = new Map<string, Circuit>();

	constructor(
		private readonly now: () => number = Date.now,
		private readonly options: BreakerOptions = DEFAULT_BREAKER,
	) {}

	state(key: string): BreakerState {
		const circuit = this.circuits.get(key);
		if (!circuit || circuit.openedAt === null) return "closed";
		return this.now() - circuit.openedAt >= this.options.openMs ? "half-open" : "open";
	}

	/** Whether a call may go to `key` now; in half-open state only one probe at a time. */
	tryAcquire(key: string): boolean {
		const state = this.state(key);
		if (state === "closed") return true;
		if (state === "open") return false;
		const circuit = this.circuit(key);
		if (circuit.probing) return false;
		circuit.probing = true;
		return true;
	}

	succeeded(key: string): void {
		this.circuits.set(key, { failures: 0, openedAt: null, probing: false });
	}

	failed(key: string): void {
		const circuit = this.circuit(key);
		const wasProbe = circuit.probing;
		circuit.probing = false;
		circuit.failures += 1;
		if (wasProbe || circuit.failures >= this.options.failureThreshold) circuit.openedAt = this.now();
	}

	private circuit(key: string): Circuit {
		let circuit = this.circuits.get(key);
		if (!circuit) {
			circuit = { failures: 0, openedAt: null, probing: false };
			this.circuits.set(key, circuit);
		}
		return circuit;
	}
}

/**
 * The breakers of every tenant served by this isolate, one set per tenant: all of a tenant's
 * conversations share them, so a provider that failed in one conversation is skipped in the
 * others too, while one agency's failures never close a provider for another. They live as long
 * as the isolate (Durable Objects of one class share it), which is "a while" by design.
 */
const breakersByTenant = new Map<string, CircuitBreakers>();

export function tenantBreakers(tenantId: string): CircuitBreakers {
	let breakers = breakersByTenant.get(tenantId);
	if (!breakers) {
		breakers = new CircuitBreakers();
		breakersByTenant.set(tenantId, breakers);
	}
	return breakers;
}
