/** Milestone surveys: created once per completed milestone when the agency asks, answered once by the client, summed per client and agency. */
import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import type { z } from "zod";
import type { SurveyList, SurveyResults } from "../../schema/dto/support";
import type { Job } from "../../schema/jobs";
import { uniqueSlug } from "../support/agencies";
import { call, problemOf } from "../support/http";
import { runJobs } from "../support/queue";
import { json, type PortalAgency, type ProjectDetailT, portalAgency, projectWith } from "./portal-fixtures";

type Surveys = z.infer<typeof SurveyList>;
type Results = z.infer<typeof SurveyResults>;

let acme: PortalAgency;
let project: ProjectDetailT;
beforeEach(async () => {
	acme = await portalAgency(uniqueSlug("acme"));
	project = await projectWith(acme, acme.clientX.id, ["Design sign-off", "Launch"]);
});

const setMode = (surveyMode: string) =>
	json(call(acme.host, "/api/v1/support/settings", { method: "PATCH", cookie: acme.ownerCookie, body: { surveyMode } }));

/** Completes a milestone as staff and runs its completion job (as the queue would, and as a redelivery would). */
async function complete(index: number, status = "completed"): Promise<Job> {
	const milestoneId = project.timeline[index]?.id ?? "";
	const saved = await json<{ completedAt: number }>(
		call(acme.host, `/api/v1/projects/${project.project.id}/milestones/${milestoneId}`, {
			method: "PATCH",
			cookie: acme.staffCookie,
			body: { status },
		}),
	);
	const job: Job = {
		type: "milestone-completed-email",
		tenantId: acme.tenantId,
		milestoneId,
		completedAt: saved.completedAt,
		idempotencyKey: `milestone-completed:${milestoneId}:${saved.completedAt}`,
	};
	await runJobs([job]);
	return job;
}

const surveyCount = async () =>
	(await env.DB.prepare("SELECT COUNT(*) AS n FROM surveys WHERE tenant_id = ?").bind(acme.tenantId).first<{ n: number }>())?.n;

describe("milestone surveys", () => {
	it("are asked once per milestone, answered once, and summed for the agency", async () => {
		await complete(0);
		expect(await surveyCount()).toBe(0);
		await complete(0, "in_progress");

		await setMode("csat");
		const job = await complete(0);
		await runJobs([job, job]);
		await complete(0, "in_progress");
		await complete(0);
		expect(await surveyCount()).toBe(1);

		const mine = await json<Surveys>(call(acme.host, "/api/v1/surveys", { cookie: acme.xUser.cookie }));
		expect(mine.surveys).toMatchObject([{ kind: "csat", milestoneTitle: "Design sign-off", projectName: "Website relaunch", score: null }]);
		const survey = mine.surveys[0];
		if (!survey) throw new Error("no survey");
		const notice = await env.DB.prepare("SELECT url FROM notifications WHERE event = 'survey_requested' AND user_id = ?")
			.bind(acme.xUser.id)
			.all();
		expect(notice.results).toEqual([{ url: "/surveys" }]);

		const path = `/api/v1/surveys/${survey.id}/response`;
		const outOfScale = await call(acme.host, path, { cookie: acme.xUser.cookie, body: { score: 6 } });
		expect((await problemOf(outOfScale)).errors).toEqual([{ path: "score", message: "must be from 1 to 5" }]);
		const answered = await json<{ score: number; comment: string }>(
			call(acme.host, path, { cookie: acme.xUser.cookie, body: { score: 5, comment: "Lovely" } }),
		);
		expect(answered).toMatchObject({ score: 5, comment: "Lovely" });
		await json(call(acme.host, path, { cookie: acme.xUser.cookie, body: { score: 5, comment: "Lovely" } }));
		const changed = await call(acme.host, path, { cookie: acme.xUser.cookie, body: { score: 1 } });
		expect(changed.status).toBe(409);

		await setMode("nps");
		await complete(1);
		const nps = (await json<Surveys>(call(acme.host, "/api/v1/surveys", { cookie: acme.xUser.cookie }))).surveys.find(
			(s) => s.kind === "nps",
		);
		await json(call(acme.host, `/api/v1/surveys/${nps?.id}/response`, { cookie: acme.xUser.cookie, body: { score: 6 } }));

		const results = await json<Results>(call(acme.host, "/api/v1/surveys/results", { cookie: acme.staffCookie }));
		expect(results.agency).toEqual({
			csat: { responses: 1, satisfied: 1, satisfiedPercent: 100, average: 5 },
			nps: { responses: 1, promoters: 0, passives: 0, detractors: 1, score: -100 },
		});
		expect(results.clients.map((c) => [c.clientName, c.csat.responses, c.nps.score])).toEqual([["Xylo Foods", 1, -100]]);
		const later = await json<Results>(call(acme.host, `/api/v1/surveys/results?from=${Date.now() + 60_000}`, { cookie: acme.staffCookie }));
		expect(later.agency.csat.responses).toBe(0);
		const otherClient = await json<Results>(
			call(acme.host, `/api/v1/surveys/results?clientId=${acme.clientY.id}`, { cookie: acme.staffCookie }),
		);
		expect(otherClient.clients).toEqual([]);
		const badRange = await call(acme.host, "/api/v1/surveys/results?from=10&to=5", { cookie: acme.staffCookie });
		expect((await problemOf(badRange)).errors).toEqual([{ path: "to", message: "must be after from" }]);
	});

	it("stay with their own client and agency", async () => {
		await setMode("csat");
		await complete(0);
		const [survey] = (await json<Surveys>(call(acme.host, "/api/v1/surveys", { cookie: acme.xUser.cookie }))).surveys;
		expect((await json<Surveys>(call(acme.host, "/api/v1/surveys", { cookie: acme.yUser.cookie }))).surveys).toEqual([]);
		const yAnswer = await call(acme.host, `/api/v1/surveys/${survey?.id}/response`, { cookie: acme.yUser.cookie, body: { score: 1 } });
		expect(yAnswer.status).toBe(404);
		expect((await call(acme.host, "/api/v1/surveys/results", { cookie: acme.xUser.cookie })).status).toBe(403);
		expect((await call(acme.host, "/api/v1/surveys", { cookie: acme.staffCookie })).status).toBe(403);

		const other = await portalAgency(uniqueSlug("other"));
		const crossAnswer = await call(other.host, `/api/v1/surveys/${survey?.id}/response`, {
			cookie: other.xUser.cookie,
			body: { score: 1 },
		});
		expect(crossAnswer.status).toBe(404);
		const otherResults = await json<Results>(call(other.host, "/api/v1/surveys/results", { cookie: other.ownerCookie }));
		expect(otherResults.clients).toEqual([]);
		const stored = await env.DB.prepare("SELECT score FROM surveys WHERE tenant_id IN (?, ?)").bind(acme.tenantId, other.tenantId).all();
		expect(stored.results).toEqual([{ score: null }]);
	});
});
