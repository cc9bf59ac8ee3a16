/** Reading RFC 9457 problem responses into what forms show: a sentence, and a message per field. */

export type FieldErrors = Record<string, string>;

export type ProblemView = { status: number; title: string; detail: string; fields: FieldErrors; retryAfterSeconds: number | null };

type ProblemBody = { title?: unknown; detail?: unknown; errors?: unknown };

function isFieldError(value: unknown): value is { path: string; message: string } {
	return (
		typeof value === "object" &&
		value !== null &&
		typeof (value as { path?: unknown }).path === "string" &&
		typeof (value as { message?: unknown }).message === "string"
	);
}

/** What the typed client's responses and plain fetch responses have in common. */
export type ResponseLike = { ok: boolean; status: number; statusText: string; headers: Headers; json(): Promise<unknown> };

export async function readProblem(response: ResponseLike): Promise<ProblemView> {
	let body: ProblemBody = {};
	try {
		body = (await response.json()) as ProblemBody;
	} catch {
		// Not JSON: fall back to the status line.
	}
	const fields: FieldErrors = {};
	if (Array.isArray(body.errors)) {
		for (const error of body.errors) if (isFieldError(error) && !(error.path in fields)) fields[error.path] = error.message;
	}
	const retryAfter = Number(response.headers.get("Retry-After"));
	return {
		status: response.status,
		title: typeof body.title === "string" ? body.title : response.statusText || "Something went wrong",
		detail: typeof body.detail === "string" ? body.detail : "Please try again.",
		fields,
		retryAfterSeconds: Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : null,
	};
}

/** The message shown when the network itself failed. */
export const OFFLINE_PROBLEM: ProblemView = {
	status: 0,
	title: "You are offline",
	detail: "This needs a connection. Try again when you are back online.",
	fields: {},
	retryAfterSeconds: null,
};
