/** Shared OpenAPI response declarations: JSON bodies and the problem+json errors every route can return. */
import type { z } from "zod";
import { ProblemDetails } from "../../schema/dto/problem";

export function jsonContent<T extends z.ZodType>(schema: T, description: string) {
	return { content: { "application/json": { schema } }, description };
}

export function problemContent(description: string) {
	return { content: { "application/problem+json": { schema: ProblemDetails } }, description };
}

/** The errors any JSON write can answer with, but its 403 (protectedRoute's 403 covers the cross-site refusal too). */
export const BODY_ERRORS = {
	400: problemContent("The body is not valid JSON"),
	404: problemContent("No agency is served at this address"),
	413: problemContent("The body is too large"),
	422: problemContent("A field is invalid; `errors` names each one"),
} as const;

/** The errors any JSON write can answer with. */
export const WRITE_ERRORS = {
	...BODY_ERRORS,
	403: problemContent("A cross-site request was refused"),
} as const;

export function jsonBody<T extends z.ZodType>(schema: T) {
	return { required: true, content: { "application/json": { schema } } };
}
