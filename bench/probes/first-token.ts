/**
 * Time to first token: from sending a message (POST, through auth, D1, credits and the ChatSession)
 * to its first streamed `delta` on the conversation's SSE stream, over the local fake OpenAI
 * provider, minus the fake's own time to its first token (recorded by the fake per `[[probe:id]]`):
 * what is left is Atrium's overhead. Sends are sequential (each waits for the previous reply to
 * finish), spread over several agencies so Starter's 10 requests a minute never bind.
 */
import type { StreamEvent } from "../../schema/assistant";
import type { FirstTokenTimes } from "../../tests/fakes/ai-provider-server";
import { CREDIT_DRIVER_HOST } from "../lib/credit-driver";
import { percentile, type Spread, spread } from "../lib/percentiles";
import { openSseStream } from "../lib/sse-stream";
import { type SignedInAgency, signUpAgency } from "../scenarios/fixtures";
import type { ScenarioContext } from "../scenarios/types";

export const FIRST_TOKEN_PROBE_ID = "first-token";
const MODEL = "openai/gpt-4o-mini";
const AGENCIES = 10;
/** Sends per agency: the first is a warm-up (not counted), the rest stay under 10 a minute. */
const SENDS_PER_AGENCY = 9;

export type FirstTokenResult = {
	samples: number;
	/** Request to first streamed token, as the client sees it. */
	totalMs: { p50: number; p99: number };
	/** The same minus the fake provider's own time to its first token. */
	overheadMs: { p50: number; p99: number };
	/**
	 * The overhead split at the provider: from the POST leaving to the provider call arriving at the
	 * fake (route, reads, gate, ChatSession), and from the fake's first token to the client's first
	 * `delta` (ChatSession, reply stream, Worker).
	 */
	stagesMs: { toProvider: Spread; fromProvider: Spread };
};

async function prepareAgency(context: ScenarioContext, index: number): Promise<{ agency: SignedInAgency; conversation: string }> {
	const agency = await signUpAgency(context, `ttft${index}${Date.now().toString(36)}`);
	const headers = { Cookie: agency.cookie, Origin: `http://${agency.host}` };
	const me = (await (await context.http.expect({ path: "/api/v1/me", host: agency.host, headers }, 200)).json()) as {
		tenant: { id: string };
	};
	await context.http.expect({ method: "POST", path: `/grant?tenant=${me.tenant.id}&amount=1000000`, host: CREDIT_DRIVER_HOST }, 200);
	const created = await context.http.expect(
		{ method: "POST", path: "/api/v1/assistant/conversations", host: agency.host, headers, json: { modelId: MODEL } },
		201,
	);
	return { agency, conversation: ((await created.json()) as { id: string }).id };
}

export async function measureFirstToken(context: ScenarioContext, fakeTimes: FirstTokenTimes): Promise<FirstTokenResult> {
	const totals: number[] = [];
	const overheads: number[] = [];
	const toProvider: number[] = [];
	const fromProvider: number[] = [];
	for (let a = 0; a < AGENCIES; a++) {
		const { agency, conversation } = await prepareAgency(context, a);
		const headers = { Cookie: agency.cookie, Origin: `http://${agency.host}` };
		const base = `/api/v1/assistant/conversations/${conversation}`;
		const stream = await openSseStream<StreamEvent>(context.http.origin, `${base}/stream`, agency.host, { Cookie: agency.cookie });
		try {
			for (let i = 0; i < SENDS_PER_AGENCY; i++) {
				const id = `${a}-${i}`;
				const firstDelta = stream.next((e) => e.type === "delta");
				const done = stream.next((e) => e.type === "done" && e.message.role === "assistant");
				const started = performance.now();
				await context.http.expect(
					{
						method: "POST",
						path: `${base}/messages`,
						host: agency.host,
						headers,
						json: { content: `How is the launch going? [[probe:${id}]]` },
					},
					202,
				);
				await firstDelta;
				const deltaAt = performance.now();
				const total = deltaAt - started;
				const finished = await done;
				if (finished.type === "done" && finished.message.status !== "done")
					throw new Error(`probe reply ${id} ended ${finished.message.status}`);
				const fake = fakeTimes.get(id);
				if (fake === undefined) throw new Error(`the fake provider never answered probe ${id}: did the reply come from another model?`);
				if (i === 0) continue;
				totals.push(total);
				overheads.push(total - fake.firstTokenMs);
				toProvider.push(fake.arrivedAt - started);
				fromProvider.push(deltaAt - (fake.arrivedAt + fake.firstTokenMs));
			}
		} finally {
			stream.close();
		}
	}
	totals.sort((x, y) => x - y);
	overheads.sort((x, y) => x - y);
	return {
		samples: totals.length,
		totalMs: { p50: percentile(totals, 50), p99: percentile(totals, 99) },
		overheadMs: { p50: percentile(overheads, 50), p99: percentile(overheads, 99) },
		stagesMs: { toProvider: spread(toProvider), fromProvider: spread(fromProvider) },
	};
}
