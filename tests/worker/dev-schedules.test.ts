/**
 * /dev/schedules: lists every cron schedule with what it starts and when it next runs; "Run now" (a
 * same-origin form POST) enqueues exactly the schedule's jobs through the real scheduled handler, and
 * those jobs do their work; bad or cross-site posts change nothing; outside development the page does
 * not exist, and its guard never touches the app's other pages.
 */
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import type { Job } from "../../schema/jobs";
import { createApp } from "../../worker/app";
import { nextRunOf } from "../../worker/cron/next-run";
import { DAILY_BILLING, EVERY_15_MINUTES, jobsFor, SCHEDULES } from "../../worker/cron/schedules";
import { hostOf, PLATFORM, signUpUniqueAgency } from "../support/agencies";
import { call, problemOf } from "../support/http";

const MINUTE = 60_000;

/** Text as the page writes it into HTML. */
const html = (text: string) => text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
const FORM = { "Content-Type": "application/x-www-form-urlencoded" };

/** A JOBS binding that records what is sent instead of delivering it. */
function recordingQueue(): { queue: Queue; sent: unknown[] } {
	const sent: unknown[] = [];
	const queue = { send: async (body: unknown) => void sent.push(body), sendBatch: async () => {} } as unknown as Queue;
	return { queue, sent };
}

/** POSTs the "Run now" form for `cron` to a Worker whose JOBS binding records what it is sent. */
async function runNow(cron: string, origin = `http://${PLATFORM}`) {
	const { queue, sent } = recordingQueue();
	const before = Date.now();
	const res = await createApp().request(
		`http://${PLATFORM}/dev/schedules`,
		{ method: "POST", headers: { ...FORM, Origin: origin }, body: new URLSearchParams({ cron }).toString() },
		{ ...env, JOBS: queue },
	);
	const after = Date.now();
	return { res, sent, slots: [Math.floor(before / MINUTE) * MINUTE, Math.floor(after / MINUTE) * MINUTE] };
}

describe("/dev/schedules", () => {
	it("lists every schedule: expression, the jobs it starts, its next run, and a Run now button", async () => {
		const before = Date.now();
		const res = await call(PLATFORM, "/dev/schedules");
		const after = Date.now();
		expect(res.status).toBe(200);
		const page = await res.text();
		expect(page).toContain("<h1>Dev schedules</h1>");
		for (const { cron, purpose } of SCHEDULES) {
			expect(page, cron).toContain(`<th scope="row"><code>${cron}</code><br>${html(purpose)}</th>`);
			for (const job of jobsFor(cron, before)) expect(page, `${cron} starts ${job.type}`).toContain(`<li><code>${job.type}</code></li>`);
			// The next run, in case a slot passed while the page was made: as of before or after the request.
			const next = [before, after].map((t) => `<td><time datetime="${nextRunOf(cron, new Date(t))?.toISOString()}">`);
			expect(
				next.some((cell) => page.includes(cell)),
				`${cron} next run`,
			).toBe(true);
			expect(page).toContain(
				`<input type="hidden" name="cron" value="${cron}"><button type="submit" aria-label="Run now: ${cron}">Run now</button>`,
			);
		}
		expect(page.match(/>Run now<\/button>/g)).toHaveLength(SCHEDULES.length);
	});

	it("Run now enqueues exactly the schedule's jobs for the current minute and shows them", async () => {
		const { res, sent, slots } = await runNow(DAILY_BILLING);
		expect(res.status).toBe(200);
		const expected = slots.map((slot) => jobsFor(DAILY_BILLING, slot));
		expect(expected).toContainEqual(sent);
		const shown = await res.text();
		expect(shown).toContain(`<h2 id="ran-heading">Ran <code>${DAILY_BILLING}</code></h2>`);
		for (const job of sent as Job[]) expect(shown).toContain(`<code>${job.type}</code> · key <code>${job.idempotencyKey}</code>`);

		// The page now knows the schedule's last run.
		const page = await (await call(PLATFORM, "/dev/schedules")).text();
		const rowOf = (cron: string) =>
			page.slice(page.indexOf(`<code>${cron}</code><br>`), page.indexOf("</tr>", page.indexOf(`<code>${cron}</code><br>`)));
		expect(rowOf(DAILY_BILLING)).toContain(`${sent.length} job(s) for the slot`);
	});

	it("Run now's jobs do their work: every-15-minutes housekeeping purges expired sessions", async () => {
		const agency = await signUpUniqueAgency("sched-purge");
		await env.DB.prepare("UPDATE sessions SET expires_at = ? WHERE tenant_id = ?")
			.bind(Date.now() - 1, agency.tenantId)
			.run();
		const res = await call(PLATFORM, "/dev/schedules", {
			method: "POST",
			headers: FORM,
			rawBody: new URLSearchParams({ cron: EVERY_15_MINUTES }).toString(),
		});
		expect(res.status).toBe(200);
		const left = () => env.DB.prepare("SELECT COUNT(*) AS n FROM sessions WHERE tenant_id = ?").bind(agency.tenantId).first<number>("n");
		await expect.poll(left, { timeout: 15_000, interval: 50 }).toBe(0);
	});

	it("refuses a cron that is not a schedule, naming the field, and enqueues nothing", async () => {
		for (const cron of ["* * * * *", ""]) {
			const { res, sent } = await runNow(cron);
			expect(res.status, cron).toBe(422);
			expect(res.headers.get("content-type")).toContain("application/problem+json");
			expect((await problemOf(res)).errors?.[0]?.path).toBe("cron");
			expect(sent).toEqual([]);
		}
	});

	it("refuses a cross-site Run now (CSRF) and enqueues nothing", async () => {
		const { res, sent } = await runNow(EVERY_15_MINUTES, "http://evil.test");
		expect(res.status).toBe(403);
		expect(sent).toEqual([]);
	});

	it("does not exist outside development, and its guard leaves the app's other pages alone", async () => {
		const agency = await signUpUniqueAgency("sched-prod");
		const app = createApp();
		const { queue, sent } = recordingQueue();
		const production = { ...env, ENVIRONMENT: "production", JOBS: queue };
		expect((await app.request(`http://${PLATFORM}/dev/schedules`, {}, production)).status).toBe(404);
		const post = await app.request(
			`http://${PLATFORM}/dev/schedules`,
			{ method: "POST", headers: { ...FORM, Origin: `http://${PLATFORM}` }, body: `cron=${encodeURIComponent(EVERY_15_MINUTES)}` },
			production,
		);
		expect(post.status).toBe(404);
		expect(sent).toEqual([]);
		// Routes mounted after the dev pages (the tenant's manifest) still answer in production.
		const manifest = await app.request(`http://${hostOf(agency.slug)}/manifest.webmanifest`, {}, production);
		expect(manifest.status).toBe(200);
	});
});
