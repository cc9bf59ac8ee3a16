/**
 * The platform operator's guard: operator routes exist on the platform host only (a tenant host
 * answers 404, whoever asks), and need `Authorization: Bearer <OPERATOR_TOKEN>`. The platform host
 * has no sign-in, so the operator is a secret holder, not an account; tenant sessions never count.
 * Both sides are SHA-256 hashed and compared in constant time.
 */
import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../env";
import { Problem, problems } from "../lib/problem";
import { bearerOf } from "./api-key";
import { hostOfRequest } from "./tenant";

async function sha256(text: string): Promise<ArrayBuffer> {
	return crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
}

/** Constant-time equality of two secrets (their digests have the same length whatever the input). */
export async function sameSecret(given: string, expected: string): Promise<boolean> {
	const [a, b] = (await Promise.all([sha256(given), sha256(expected)])).map((d) => new Uint8Array(d));
	let difference = 0;
	for (let i = 0; i < 32; i += 1) difference |= (a?.[i] ?? 0) ^ (b?.[i] ?? 0);
	return difference === 0;
}

export const OPERATOR_ACTOR = { userId: null, label: "platform-operator" } as const;

export const requireOperator = createMiddleware<AppEnv>(async function requireOperator(c, next) {
	const host = await hostOfRequest(c);
	if (host?.kind !== "platform") throw problems.notFound("There is no API endpoint at this path.");
	const expected = c.env.OPERATOR_TOKEN;
	if (!expected) throw new Problem(503, "operator-not-configured", "Operator access is off", "Set the OPERATOR_TOKEN secret to enable it.");
	const given = bearerOf(c.req.header("Authorization"));
	if (given === null || !(await sameSecret(given, expected))) {
		const detail =
			given === null ? "Send Authorization: Bearer <OPERATOR_TOKEN>." : "That is not the operator token. Check the OPERATOR_TOKEN secret.";
		throw new Problem(401, "unauthenticated", "Operator token required", detail, {
			headers: { "WWW-Authenticate": 'Bearer realm="atrium-operator"' },
		});
	}
	return next();
});
