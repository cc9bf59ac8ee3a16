/**
 * One API call whose success body is JSON: the parsed body typed from the route's success response, or
 * the problem to show. Every API read in the PWA goes through here (or `fetchRouteJson` for the few
 * bodies the typed client cannot send), so a renamed field in a route's response breaks the build.
 */
import type { ResponseLike } from "./problem";
import { type Result, send } from "./request";

/** The body of a typed-client response when it succeeds. */
export type SuccessBody<R> = R extends { ok: true; json(): Promise<infer T> } ? T : never;

/** A typed-client endpoint, e.g. `typeof api.api.v1.threads[":id"].attachments.$post`. */
type Endpoint = (...args: never[]) => Promise<ResponseLike>;

/** The JSON body an endpoint's route declares for success. */
export type RouteBody<E extends Endpoint> = SuccessBody<Awaited<ReturnType<E>>>;

/** A successful typed-client response's body as its route declares it (null for 204). */
export async function successBody<R extends ResponseLike>(response: R): Promise<SuccessBody<R>> {
	return response.status === 204 ? (null as SuccessBody<R>) : ((await response.json()) as SuccessBody<R>);
}

export async function fetchJson<R extends ResponseLike>(call: () => Promise<R>): Promise<Result<SuccessBody<R>>> {
	const result = await send(call);
	if (!result.ok) return result;
	return { ok: true, value: await successBody(result.value) };
}

/**
 * A request the typed client cannot make (a raw file body, or a body streamed with progress), read as
 * the success body route `E` declares: `fetchRouteJson<typeof api.api.v1.x.$post>(() => fetch(…))`.
 */
export async function fetchRouteJson<E extends Endpoint>(call: () => Promise<Response>): Promise<Result<RouteBody<E>>> {
	const result = await send(call);
	if (!result.ok) return result;
	if (result.value.status === 204) return { ok: true, value: null as RouteBody<E> };
	return { ok: true, value: (await result.value.json()) as RouteBody<E> };
}
