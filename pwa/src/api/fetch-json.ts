/** One API call whose success body is JSON: the parsed body typed from the route's success response, or the problem to show. */
import type { ResponseLike } from "./problem";
import { type Result, send } from "./request";

type SuccessBody<R> = R extends { ok: true; json(): Promise<infer T> } ? T : never;

export async function fetchJson<R extends ResponseLike>(call: () => Promise<R>): Promise<Result<SuccessBody<R>>> {
	const result = await send(call);
	if (!result.ok) return result;
	if (result.value.status === 204) return { ok: true, value: null as SuccessBody<R> };
	return { ok: true, value: (await result.value.json()) as SuccessBody<R> };
}
