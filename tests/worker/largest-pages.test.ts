/**
 * Lists asked for their largest page: D1 binds at most 100 parameters per statement, so a page of
 * 100 records whose related rows are looked up by id must not put 100 ids (plus the tenant) in one
 * statement. Each list here failed with a 500 before those look-ups were split into chunks.
 */
import { describe, expect, it } from "vitest";
import { uniqueSlug } from "../support/agencies";
import { call } from "../support/http";
import { openThread, post } from "./messaging-fixtures";
import { json, portalAgency } from "./portal-fixtures";

/** Runs `make(i)` for 0…n-1, ten at a time. */
async function times(n: number, make: (i: number) => Promise<unknown>): Promise<void> {
	for (let i = 0; i < n; i += 10) await Promise.all(Array.from({ length: Math.min(10, n - i) }, (_, k) => make(i + k)));
}

describe("largest pages", () => {
	it("shows a thread's latest 100 messages with their authors", async () => {
		const acme = await portalAgency(uniqueSlug("acme"));
		const thread = await openThread(acme, acme.clientX.id);
		await times(105, async (i) => expect((await post(acme, thread.id, `Message ${i + 1}`, acme.staffCookie)).status).toBe(201));
		const page = await json<{ messages: { body: string; authorName: string }[]; nextCursor: string | null }>(
			call(acme.host, `/api/v1/threads/${thread.id}/messages?limit=100`, { cookie: acme.staffCookie }),
		);
		expect(page.messages).toHaveLength(100);
		expect(page.nextCursor).not.toBeNull();
		expect(new Set(page.messages.map((m) => m.authorName))).toEqual(new Set(["staff person"]));
	});

	it("lists 100 projects with their progress on one page", async () => {
		const acme = await portalAgency(uniqueSlug("acme"));
		await times(101, (i) =>
			json(
				call(acme.host, "/api/v1/projects", { cookie: acme.staffCookie, body: { clientId: acme.clientX.id, name: `Project ${i + 1}` } }),
				201,
			),
		);
		const page = await json<{ projects: { name: string }[]; nextCursor: string | null }>(
			call(acme.host, "/api/v1/projects?limit=100", { cookie: acme.staffCookie }),
		);
		expect(page.projects).toHaveLength(100);
		expect(page.nextCursor).not.toBeNull();
	});
});
