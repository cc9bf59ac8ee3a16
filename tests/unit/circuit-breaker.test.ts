/** The per-provider circuit breaker: opens after three failures in a row, skips for 30 s, then lets one probe through. */
import { describe, expect, it } from "vitest";
import { CircuitBreakers } from "../../worker/services/assistant/circuit-breaker";

function clock(start = 1_000_000) {
	let now = start;
	return { now: () => now, advance: (ms: number) => (now += ms) };
}

describe("CircuitBreakers", () => {
	it("stays closed through failures that are not consecutive", () => {
		const time = clock();
		const breakers = new CircuitBreakers(time.now);
		breakers.failed("openai");
		breakers.failed("openai");
		breakers.succeeded("openai");
		breakers.failed("openai");
		breakers.failed("openai");
		expect(breakers.state("openai")).toBe("closed");
		expect(breakers.tryAcquire("openai")).toBe(true);
	});

	it("opens after three consecutive failures, for that provider only", () => {
		const time = clock();
		const breakers = new CircuitBreakers(time.now);
		for (let i = 0; i < 3; i++) breakers.failed("openai");
		expect(breakers.state("openai")).toBe("open");
		expect(breakers.tryAcquire("openai")).toBe(false);
		expect(breakers.tryAcquire("anthropic")).toBe(true);
		time.advance(29_999);
		expect(breakers.tryAcquire("openai")).toBe(false);
	});

	it("after 30 s lets exactly one probe through; success closes, failure reopens for another 30 s", () => {
		const time = clock();
		const breakers = new CircuitBreakers(time.now);
		for (let i = 0; i < 3; i++) breakers.failed("openai");
		time.advance(30_000);
		expect(breakers.state("openai")).toBe("half-open");
		expect(breakers.tryAcquire("openai")).toBe(true);
		expect(breakers.tryAcquire("openai")).toBe(false);
		breakers.failed("openai");
		expect(breakers.state("openai")).toBe("open");
		time.advance(30_000);
		expect(breakers.tryAcquire("openai")).toBe(true);
		breakers.succeeded("openai");
		expect(breakers.state("openai")).toBe("closed");
		expect(breakers.tryAcquire("openai")).toBe(true);
		breakers.failed("openai");
		expect(breakers.state("openai")).toBe("closed");
	});

	it("takes its threshold and open time as options", () => {
		const time = clock();
		const breakers = new CircuitBreakers(time.now, { failureThreshold: 1, openMs: 5 });
		breakers.failed("local");
		expect(breakers.state("local")).toBe("open");
		time.advance(5);
		expect(breakers.state("local")).toBe("half-open");
	});
});
