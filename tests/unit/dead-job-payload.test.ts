/** What a dead job may show: payload fields with secrets redacted and long values cut, and errors with tokens masked. */
import { describe, expect, it } from "vitest";
import { REDACTED, safeError, summarizePayload } from "../../worker/services/dead-jobs/payload-summary";

describe("summarizePayload", () => {
	it("shows each field except the bookkeeping ones, one level of nesting flattened", () => {
		const body = {
			type: "push-notification",
			tenantId: "t1",
			idempotencyKey: "k",
			replayOf: "d1",
			userId: "u1",
			message: { title: "Hi", body: "New file", url: "/documents", tag: "doc" },
		};
		expect(summarizePayload(JSON.stringify(body))).toEqual([
			{ field: "userId", value: "u1" },
			{ field: "message.title", value: "Hi" },
			{ field: "message.body", value: "New file" },
			{ field: "message.url", value: "/documents" },
			{ field: "message.tag", value: "doc" },
		]);
	});

	it("redacts secrets by name, at any level, and cuts long values", () => {
		const body = { token: "tok", nested: { apiKey: "k", password: "p", deeper: { a: 1 } }, note: "x".repeat(300), count: 3 };
		const fields = summarizePayload(JSON.stringify(body));
		expect(fields).toEqual([
			{ field: "token", value: REDACTED },
			{ field: "nested.apiKey", value: REDACTED },
			{ field: "nested.password", value: REDACTED },
			{ field: "nested.deeper", value: "{…}" },
			{ field: "note", value: `${"x".repeat(119)}…` },
			{ field: "count", value: "3" },
		]);
	});

	it("shows a body that is not an object as one field", () => {
		expect(summarizePayload('"just text"')).toEqual([{ field: "body", value: "just text" }]);
		expect(summarizePayload("null")).toEqual([{ field: "body", value: "null" }]);
	});
});

describe("safeError", () => {
	it("is one line with tokens in links and bearer secrets masked, at most 500 characters", () => {
		expect(safeError(new Error("GET https://x.test/a?token=abc&b=1 failed\n  at line"))).toBe(
			`Error: GET https://x.test/a?token=${REDACTED}&b=1 failed at line`,
		);
		expect(safeError("Authorization: Bearer atr_secret.value refused")).toBe(`Authorization: Bearer ${REDACTED} refused`);
		expect(safeError("y".repeat(600))).toHaveLength(500);
	});
});
