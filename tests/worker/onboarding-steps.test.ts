/**
 * Onboarding steps as the client completes them: profile, questionnaire (with a file from the
 * documents service), requested documents, kickoff and a signed agreement; the run finishing, the
 * client becoming active, staff notified; bad input; reminders exactly once.
 */
import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import { EVERY_15_MINUTES, jobsFor } from "../../worker/cron/schedules";
import { createDb, tenantScope } from "../../worker/lib/db";
import { completeOnboardingStepOfKind } from "../../worker/services/onboarding/steps";
import { uniqueSlug } from "../support/agencies";
import { call, problemOf } from "../support/http";
import { countEmails } from "../support/mailbox";
import { runJobs } from "../support/queue";
import { type DocumentJson, text, uploaded, uploadSmall } from "./document-fixtures";
import { AGREEMENT_TEXT, type RunJson, runOf, runWithSmallTemplate, saveTemplate, sha256Hex, submit } from "./onboarding-fixtures";
import { json, type PortalAgency, portalAgency } from "./portal-fixtures";

const DAY = 24 * 60 * 60 * 1000;
const PATH = "M10 10 L50 40 L90 20";

let acme: PortalAgency;
let run: RunJson;
let x: string;
beforeEach(async () => {
	acme = await portalAgency(uniqueSlug("acme"));
	// Client X goes back to pending setup so finishing onboarding activates it.
	await json(
		call(acme.host, `/api/v1/clients/${acme.clientX.id}`, { method: "PATCH", cookie: acme.staffCookie, body: { status: "pending_setup" } }),
	);
	run = await runWithSmallTemplate(acme);
	x = acme.clientX.id;
});

async function uploadToOnboarding(name: string, clientId = x, cookie = acme.xUser.cookie): Promise<DocumentJson> {
	const folder = clientId === x ? `&folderId=${run.folderId}` : "";
	return uploaded(uploadSmall(acme, name, text(`file ${name}`), { cookie, clientId, query: folder.slice(1) || undefined }));
}

async function sign(body: Record<string, unknown>, cookie = acme.xUser.cookie) {
	return submit(acme, x, "sign", { textSha256: await sha256Hex(AGREEMENT_TEXT), ...body }, cookie, "203.0.113.7");
}

describe("completing onboarding", () => {
	it("takes the client through every step; the run completes once, the client becomes active and staff are notified", async () => {
		const logo = await uploadToOnboarding("logo.png");
		expect(logo.folderId).toBe(run.folderId);
		await json(
			submit(acme, x, "profile", { profile: { companyName: "Xylo Foods GmbH", billingEmail: "ap@xylo.test" } }, acme.xUser.cookie),
		);
		const answers = { goal: "More leads", size: "1-10", channels: ["Web"], launch: "2027-03-01", logo: logo.id };
		await json(submit(acme, x, "brief", { answers }, acme.xUser.cookie));
		// Re-submitting replaces the answers; nothing is duplicated.
		const resubmitted = await json<RunJson>(
			submit(acme, x, "brief", { answers: { ...answers, goal: "Even more leads" } }, acme.xUser.cookie),
		);
		expect(resubmitted.steps.find((s) => s.id === "brief")?.data).toEqual({ answers: { ...answers, goal: "Even more leads" } });

		const w9 = await uploadToOnboarding("w9.pdf");
		const afterDocs = await json<RunJson>(submit(acme, x, "docs", { documents: { w9: w9.id } }, acme.xUser.cookie));
		expect(afterDocs.steps.find((s) => s.id === "docs")).toMatchObject({ status: "done", data: { documents: { w9: w9.id } } });

		// The kickoff is booked through the booking flow (or marked by staff); the client cannot tick it.
		expect((await submit(acme, x, "kickoff", {}, acme.xUser.cookie)).status).toBe(422);
		const scope = tenantScope(createDb(env.DB), acme.tenantId);
		expect(await completeOnboardingStepOfKind(scope, x, "kickoff_booking", "booking-123")).toBe(true);
		expect(await completeOnboardingStepOfKind(scope, x, "kickoff_booking", "booking-123")).toBe(true);

		const done = await json<RunJson>(sign({ signature: { method: "drawn", name: "Xena Xylo", svgPath: PATH } }));
		expect(done).toMatchObject({ status: "completed", clientStatus: "active", progress: { requiredDone: 5, required: 5 } });
		const signature = done.steps.find((s) => s.id === "sign")?.signature;
		expect(signature).toMatchObject({
			method: "drawn",
			signerName: "Xena Xylo",
			signerUserId: acme.xUser.id,
			svgPath: PATH,
			signedText: AGREEMENT_TEXT,
			textSha256: await sha256Hex(AGREEMENT_TEXT),
			ip: "203.0.113.7",
			userAgent: "OnboardingTest/1.0",
		});
		expect(signature?.signedAt).toBeGreaterThan(Date.now() - 60_000);
		expect(done.steps.find((s) => s.id === "kickoff")).toMatchObject({
			status: "done",
			data: { ref: "booking-123" },
			completedBy: "system",
		});
		expect(done.steps.find((s) => s.id === "profile")?.completedBy).toBe(`x@${acme.slug}.test`);

		const client = await json<{ status: string }>(call(acme.host, `/api/v1/clients/${x}`, { cookie: acme.staffCookie }));
		expect(client.status).toBe("active");
		const audit = await json<{ events: { action: string; detail: Record<string, unknown> | null }[] }>(
			call(acme.host, "/api/v1/audit-events?action=client.activated", { cookie: acme.ownerCookie }),
		);
		expect(audit.events.map((e) => e.detail)).toEqual([{ from: "pending_setup", to: "active", reason: "onboarding_completed" }]);
		const inbox = await json<{ notifications: { event: string; title: string; url: string }[] }>(
			call(acme.host, "/api/v1/notifications", { cookie: acme.ownerCookie }),
		);
		expect(inbox.notifications.filter((n) => n.event === "onboarding_completed")).toEqual([
			expect.objectContaining({ title: "Xylo Foods finished onboarding", url: `/clients/${x}` }),
		]);
		// The banner's source: the client's own run, now completed.
		const mine = await json<{ run: RunJson }>(call(acme.host, "/api/v1/onboarding/mine", { cookie: acme.xUser.cookie }));
		expect(mine.run.status).toBe("completed");
	});

	it("keeps the signed record immutable, downloadable by both sides, whatever happens to the template later", async () => {
		const first = await json<RunJson>(sign({ signature: { method: "typed", name: "Xena Xylo" } }));
		const signed = first.steps.find((s) => s.id === "sign")?.signature;
		// The same signature again is a replay; another one is refused.
		const replay = await json<RunJson>(sign({ signature: { method: "typed", name: "Xena Xylo" } }));
		expect(replay.steps.find((s) => s.id === "sign")?.signature?.id).toBe(signed?.id);
		const other = await sign({ signature: { method: "drawn", name: "Someone Else", svgPath: PATH } });
		expect(other.status).toBe(409);

		await json(
			saveTemplate(acme, [
				{ id: "sign", kind: "agreement", title: "New terms", description: "", required: true, agreementText: "New terms." },
			]),
		);
		const later = await json<RunJson>(runOf(acme, x, acme.staffCookie));
		expect(later.steps.find((s) => s.id === "sign")?.signature).toEqual(signed);

		for (const cookie of [acme.staffCookie, acme.xUser.cookie]) {
			const page = await call(acme.host, `/api/v1/clients/${x}/onboarding/signatures/${signed?.id}`, { cookie });
			expect(page.status).toBe(200);
			expect(page.headers.get("Content-Disposition")).toMatch(/^attachment/);
			const html = await page.text();
			expect(html).toContain(AGREEMENT_TEXT);
			expect(html).toContain(signed?.textSha256);
			expect(html).toContain("203.0.113.7");
		}
		expect((await call(acme.host, `/api/v1/clients/${x}/onboarding/signatures/${signed?.id}`, { cookie: acme.yUser.cookie })).status).toBe(
			404,
		);
		const audit = await json<{ events: unknown[] }>(
			call(acme.host, "/api/v1/audit-events?action=onboarding.agreement_signed", { cookie: acme.ownerCookie }),
		);
		expect(audit.events).toHaveLength(1);
	});

	it("lets only the client's people sign, and only the text they were shown", async () => {
		const byStaff = await sign({ signature: { method: "typed", name: "Stan Staff" } }, acme.staffCookie);
		expect(byStaff.status).toBe(403);
		const stale = await submit(
			acme,
			x,
			"sign",
			{ signature: { method: "typed", name: "Xena" }, textSha256: "0".repeat(64) },
			acme.xUser.cookie,
		);
		expect(stale.status).toBe(422);
		expect((await problemOf(stale)).errors?.[0]?.path).toBe("textSha256");
		const bad = await sign({ signature: { method: "drawn", name: "Xena", svgPath: "<script>" } });
		expect((await problemOf(bad)).errors?.[0]?.path).toBe("signature.svgPath");
		expect((await json<RunJson>(runOf(acme, x, acme.staffCookie))).steps.find((s) => s.id === "sign")?.signature).toBeNull();
	});

	it("answers bad input with problem+json naming the field and changes nothing", async () => {
		const foreign = await uploaded(uploadSmall(acme, "y.txt", text("y"), { clientId: acme.clientY.id }));
		const cases: [string, unknown, string][] = [
			["brief", { answers: { goal: "", size: "1-10", logo: foreign.id } }, "answers.goal"],
			["brief", { answers: { goal: "G", size: "huge", logo: foreign.id } }, "answers.size"],
			["brief", { answers: { goal: "G", size: "1-10", logo: foreign.id } }, "answers.logo"],
			["brief", { answers: { goal: "G", size: "1-10", launch: "2027-02-30", logo: foreign.id } }, "answers.launch"],
			["brief", { answers: { goal: "G", size: "1-10", channels: ["Fax"], logo: foreign.id } }, "answers.channels"],
			["brief", { answers: { goal: "G", size: "1-10", colour: "red" } }, "answers.colour"],
			["brief", { profile: { companyName: "X" } }, "profile"],
			["profile", { profile: { companyName: "" } }, "profile.companyName"],
			["docs", { documents: { passport: foreign.id } }, "documents.passport"],
			["docs", { documents: { w9: foreign.id } }, "documents.w9"],
		];
		for (const [step, body, path] of cases) {
			const res = await submit(acme, x, step, body, acme.xUser.cookie);
			expect(res.status, path).toBe(422);
			expect(
				(await problemOf(res)).errors?.map((e) => e.path),
				path,
			).toContain(path);
		}
		expect((await submit(acme, x, "nope", { profile: { companyName: "X" } }, acme.xUser.cookie)).status).toBe(404);
		const unchanged = await json<RunJson>(runOf(acme, x, acme.staffCookie));
		expect(unchanged.steps.every((s) => s.status === "pending" && Object.keys(s.data).length === 0)).toBe(true);
	});

	it("keeps each client to its own run, and staff can mark the kickoff done", async () => {
		const body = { profile: { companyName: "Hijack" } };
		expect((await submit(acme, x, "profile", body, acme.yUser.cookie)).status).toBe(404);
		const globex = await portalAgency(uniqueSlug("globex"));
		expect((await submit(globex, x, "profile", body, globex.ownerCookie)).status).toBe(404);
		expect((await submit(acme, x, "profile", body, globex.ownerCookie)).status).toBe(401);

		const complete = (stepId: string, cookie: string) =>
			call(acme.host, `/api/v1/clients/${x}/onboarding/steps/${stepId}/complete`, { cookie, body: { note: "Called them" } });
		expect((await complete("kickoff", acme.xUser.cookie)).status).toBe(403);
		expect((await complete("profile", acme.staffCookie)).status).toBe(409);
		const marked = await json<RunJson>(complete("kickoff", acme.staffCookie));
		expect(marked.steps.find((s) => s.id === "kickoff")).toMatchObject({ status: "done", completedBy: `staff@${acme.slug}.test` });
	});
});

/** Runs the onboarding-reminders job the 15-minute cron enqueues at `at`. */
async function runReminderJobs(at: number) {
	const jobs = jobsFor(EVERY_15_MINUTES, at).filter((j) => j.type === "onboarding-reminders");
	return runJobs(jobs);
}

describe("onboarding reminders", () => {
	it("emails the client's people after 2 days, then every 3 days, at most 3 times, each exactly once", async () => {
		const started = run.startedAt;
		const reminders = () => countEmails(`x@${acme.slug}.test`, /^Finish setting up with/);
		await runReminderJobs(started + DAY);
		expect(await reminders()).toBe(0);
		await runReminderJobs(started + 2 * DAY + 1);
		await runReminderJobs(started + 2 * DAY + 15 * 60 * 1000);
		expect(await reminders()).toBe(1);
		await runReminderJobs(started + 5 * DAY + 1);
		await runReminderJobs(started + 5 * DAY + 1);
		expect(await reminders()).toBe(2);
		await runReminderJobs(started + 8 * DAY + 1);
		await runReminderJobs(started + 30 * DAY);
		expect(await reminders()).toBe(3);
		// Client Y's run (default template) started at the same time as X's: its person got the same schedule.
		expect(await countEmails(`y@${acme.slug}.test`, /^Finish setting up with/)).toBe(3);
	});

	it("stops once onboarding is complete", async () => {
		const scope = tenantScope(createDb(env.DB), acme.tenantId);
		await completeOnboardingStepOfKind(scope, x, "kickoff_booking", "b-1");
		const logo = await uploadToOnboarding("logo.png");
		await json(submit(acme, x, "profile", { profile: { companyName: "Xylo" } }, acme.xUser.cookie));
		await json(submit(acme, x, "brief", { answers: { goal: "G", size: "1-10", logo: logo.id } }, acme.xUser.cookie));
		await json(submit(acme, x, "docs", { documents: { w9: logo.id } }, acme.xUser.cookie));
		await json(sign({ signature: { method: "typed", name: "Xena" } }));
		await runReminderJobs(run.startedAt + 3 * DAY);
		expect(await countEmails(`x@${acme.slug}.test`, /^Finish setting up with/)).toBe(0);
	});
});
