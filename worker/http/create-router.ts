/**
 * One way to make an OpenAPI router: every route validates with zod, and a failed validation
 * becomes a 422 problem naming each bad field (or a 400 for a body that is not JSON at all).
 */
import { OpenAPIHono } from "@hono/zod-openapi";
import type { ZodError } from "zod";
import type { AppEnv } from "../env";
import { type FieldError, problems } from "../lib/problem";

export function createRouter() {
	return new OpenAPIHono<AppEnv>({
		defaultHook: (result) => {
			if (!result.success) throw problems.validation(fieldErrors(result.error));
		},
	});
}

/** Flattens zod issues into `{ path, message }`: the first problem of each field (unknown keys each named). */
export function fieldErrors(error: ZodError): FieldError[] {
	const out: FieldError[] = [];
	const seen = new Set<string>();
	const push = (e: FieldError) => {
		if (seen.has(e.path)) return;
		seen.add(e.path);
		out.push(e);
	};
	for (const issue of error.issues) {
		const base = issue.path.map(String).join(".");
		if (issue.code === "unrecognized_keys") {
			for (const key of issue.keys) push({ path: base ? `${base}.${key}` : key, message: "is not a known field" });
		} else if (issue.code === "invalid_type") {
			const missing = issue.input === undefined && /received undefined/.test(issue.message);
			push({ path: base || "body", message: missing ? "is required" : `must be a ${issue.expected}` });
		} else {
			push({ path: base || "body", message: issue.message });
		}
	}
	return out;
}
