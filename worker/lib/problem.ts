/**
 * RFC 9457 problem details: the one error type services throw and the one response shape every
 * error leaves the Worker as. Stack traces and internal messages never reach a response.
 */
import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { ProblemDetails } from "../../schema/dto/problem";

export type FieldError = { path: string; message: string };

const PROBLEM_BASE = "https://atrium.dev/problems/";

/** An error a client can act on; thrown anywhere below a route, rendered by the error handler. */
export class Problem extends Error {
	readonly status: number;
	readonly slug: string;
	readonly title: string;
	readonly errors: FieldError[] | undefined;
	readonly headers: Record<string, string>;
	/** RFC 9457 extension members, e.g. the balance and top-up address of an insufficient-credits problem. */
	readonly extensions: Record<string, string | number | boolean | null>;

	constructor(
		status: number,
		slug: string,
		title: string,
		detail?: string,
		options: {
			errors?: FieldError[];
			headers?: Record<string, string>;
			extensions?: Record<string, string | number | boolean | null>;
		} = {},
	) {
		super(detail ?? title);
		this.status = status;
		this.slug = slug;
		this.title = title;
		this.errors = options.errors;
		this.headers = options.headers ?? {};
		this.extensions = options.extensions ?? {};
	}

	toBody(requestId?: string): ProblemDetails {
		return {
			...this.extensions,
			type: PROBLEM_BASE + this.slug,
			title: this.title,
			status: this.status,
			detail: this.message,
			...(requestId ? { requestId } : {}),
			...(this.errors ? { errors: this.errors } : {}),
		};
	}
}

export const problems = {
	validation: (errors: FieldError[], detail = describeFields(errors)) =>
		new Problem(422, "validation", "Your request has invalid fields", detail, { errors }),
	malformed: (detail: string, path = "body") =>
		new Problem(400, "malformed-request", "The request could not be read", detail, { errors: [{ path, message: detail }] }),
	unauthenticated: (detail = "Sign in to continue.") => new Problem(401, "unauthenticated", "Not signed in", detail),
	forbidden: (detail = "Your role does not allow this.") => new Problem(403, "forbidden", "Not allowed", detail),
	notFound: (detail = "Nothing exists at this address.") => new Problem(404, "not-found", "Not found", detail),
	conflict: (path: string, message: string) =>
		new Problem(409, "conflict", "Already taken", `${path} ${message}`, { errors: [{ path, message }] }),
	/**
	 * A caller-made id already in use. Ids are unique across agencies, so this is the one answer
	 * whoever holds it (this agency or another, a record the caller may see or not): it names no record.
	 */
	idTaken: () => problems.conflict("id", "is already used by another record"),
	tooLarge: (limit: number) =>
		new Problem(413, "payload-too-large", "The request body is too large", `Bodies may be at most ${limit} bytes.`),
	unsupportedMediaType: () =>
		new Problem(415, "unsupported-media-type", "Send JSON", "The body must be JSON.", {
			errors: [{ path: "Content-Type", message: "must be application/json" }],
		}),
	rateLimited: (retryAfterSeconds: number, detail = "Too many attempts. Try again later.") =>
		new Problem(429, "rate-limited", "Too many requests", detail, { headers: { "Retry-After": String(retryAfterSeconds) } }),
	internal: () => new Problem(500, "internal", "Something went wrong on our side", "The error has been logged."),
};

function describeFields(errors: FieldError[]): string {
	return errors.map((e) => `${e.path}: ${e.message}`).join("; ");
}

/** A problem+json Response. */
export function problemResponse(problem: Problem, requestId?: string): Response {
	return new Response(JSON.stringify(problem.toBody(requestId)), {
		status: problem.status,
		headers: { "Content-Type": "application/problem+json", ...problem.headers },
	});
}

/** A problem+json response through the request context, keeping headers set earlier (e.g. a cleared cookie). */
export function respondWithProblem(c: Context, problem: Problem, requestId?: string): Response {
	return c.body(JSON.stringify(problem.toBody(requestId)), problem.status as ContentfulStatusCode, {
		"Content-Type": "application/problem+json",
		...problem.headers,
	});
}
