/** Runs one API call and turns every outcome into a result: the response, or a problem to show. */
import { OFFLINE_PROBLEM, type ProblemView, type ResponseLike, readProblem } from "./problem";

export type Result<T> = { ok: true; value: T } | { ok: false; problem: ProblemView };

/** A failed network request becomes OFFLINE_PROBLEM; an error status becomes the problem the server sent. */
export async function send<R extends ResponseLike>(call: () => Promise<R>): Promise<Result<R>> {
	let response: R;
	try {
		response = await call();
	} catch {
		return { ok: false, problem: OFFLINE_PROBLEM };
	}
	return response.ok ? { ok: true, value: response } : { ok: false, problem: await readProblem(response) };
}
