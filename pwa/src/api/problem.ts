/** Reading RFC 9457 problem responses (and network failures) into what forms show: a sentence, and a message per field. */

/** Field messages keyed by the problem's `errors[].path` (the API field name, e.g. `slug`). */
export type FieldErrors = Record<string, string>;

export type ProblemView = {
	/** HTTP status; 0 when the request never reached the server. */
	status: number;
	title: string;
	detail: string;
	fields: FieldErrors;
	retryAfterSeconds: number | null;
};

/** What the typed client's responses and plain fetch responses have in common. */
export type ResponseLike = { ok: boolean; status: number; statusText: string; headers: Headers; json(): Promise<unknown> };

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === "object" && value !== null;
}

/**
 * The field an `errors[]` entry names: our API's `path` ("items.0.name"), or the `field` or JSON
 * `pointer` ("/items/0/name") other problem+json producers use, read as the same dotted path.
 */
export function fieldNameOf(error: Record<string, unknown>): string | null {
	if (typeof error.path === "string") return error.path;
	if (typeof error.field === "string") return error.field;
	if (typeof error.pointer === "string" && error.pointer.startsWith("/")) {
		return error.pointer
			.slice(1)
			.split("/")
			.map((token) => token.replace(/~1/g, "/").replace(/~0/g, "~"))
			.join(".");
	}
	return null;
}

export function fieldErrorsOf(errors: unknown): FieldErrors {
	const fields: FieldErrors = {};
	if (!Array.isArray(errors)) return fields;
	for (const error of errors) {
		if (!isRecord(error) || typeof error.message !== "string") continue;
		const name = fieldNameOf(error);
		if (name !== null && !(name in fields)) fields[name] = error.message;
	}
	return fields;
}

export async function readProblem(response: ResponseLike): Promise<ProblemView> {
	let body: unknown = null;
	try {
		body = await response.json();
	} catch {
		// Not JSON (a proxy's error page, say): the status line is all there is.
	}
	const problem = isRecord(body) ? body : {};
	const retryAfter = Number(response.headers.get("Retry-After"));
	return {
		status: response.status,
		title: typeof problem.title === "string" ? problem.title : response.statusText || "Something went wrong",
		detail: typeof problem.detail === "string" ? problem.detail : "Something went wrong. Please try again.",
		fields: fieldErrorsOf(problem.errors),
		retryAfterSeconds: Number.isFinite(retryAfter) && retryAfter > 0 ? Math.ceil(retryAfter) : null,
	};
}

/** The problem shown when the network itself failed. */
export const OFFLINE_PROBLEM: ProblemView = {
	status: 0,
	title: "You are offline",
	detail: "This needs a connection. Try again when you are back online.",
	fields: {},
	retryAfterSeconds: null,
};
