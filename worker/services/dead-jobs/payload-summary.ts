/**
 * What a dead job's payload and error may show to the people who inspect it: each field as
 * `field: value`, one level of nesting flattened (`message.title`), secrets redacted by name
 * (tokens, keys, passwords, secrets, signatures) and long values cut. Bookkeeping fields (type,
 * tenant, idempotency key, replayOf) are shown elsewhere or not at all. Pure: tested in tests/unit.
 */
import type { PayloadField } from "../../../schema/dto/dead-jobs";

const HIDDEN = new Set(["type", "tenantId", "idempotencyKey", "replayOf"]);
const SECRET = /token|secret|password|passwd|api[-_]?key|^key$|signature|authorization|cookie|credential/i;
const MAX_VALUE = 120;
const MAX_FIELDS = 20;
export const REDACTED = "[redacted]";

function shown(value: unknown): string {
	const text = typeof value === "string" ? value : (JSON.stringify(value) ?? String(value));
	return text.length > MAX_VALUE ? `${text.slice(0, MAX_VALUE - 1)}…` : text;
}

function fieldsOf(prefix: string, value: unknown, depth: number, out: PayloadField[]): void {
	if (out.length >= MAX_FIELDS) return;
	const key = prefix.split(".").at(-1) ?? prefix;
	if (SECRET.test(key)) {
		out.push({ field: prefix, value: REDACTED });
		return;
	}
	if (value !== null && typeof value === "object" && !Array.isArray(value) && depth < 1) {
		for (const [k, v] of Object.entries(value)) fieldsOf(`${prefix}.${k}`, v, depth + 1, out);
		return;
	}
	out.push({ field: prefix, value: value !== null && typeof value === "object" && depth >= 1 ? "{…}" : shown(value) });
}

/** The payload of a stored body (JSON text), as fields safe to show. A body that is not an object shows as one `body` field. */
export function summarizePayload(bodyJson: string): PayloadField[] {
	let body: unknown;
	try {
		body = JSON.parse(bodyJson);
	} catch {
		return [{ field: "body", value: shown(bodyJson) }];
	}
	if (body === null || typeof body !== "object" || Array.isArray(body)) return [{ field: "body", value: shown(body) }];
	const out: PayloadField[] = [];
	for (const [key, value] of Object.entries(body)) if (!HIDDEN.has(key)) fieldsOf(key, value, 0, out);
	return out;
}

/** An error message fit to store and show: one line, `token=…`-style values and bearer secrets masked, at most 500 characters. */
export function safeError(error: unknown): string {
	const text = (error instanceof Error ? `${error.name}: ${error.message}` : String(error))
		.replace(/\s+/g, " ")
		.replace(/([?&](?:token|key|secret|signature)=)[^&\s]+/gi, `$1${REDACTED}`)
		.replace(/(Bearer\s+)[A-Za-z0-9._~+/=-]+/gi, `$1${REDACTED}`)
		.trim();
	return text.length > 500 ? `${text.slice(0, 499)}…` : text;
}
