/** Onboarding templates and runs: the default, the designer's checks, snapshots, who may see what, and tenant isolation. */
import { beforeEach, describe, expect, it } from "vitest";
import { uniqueSlug } from "../support/agencies";
import { call, problemOf } from "../support/http";
import { type RunJson, runOf, SMALL_TEMPLATE, saveTemplate, startRun } from "./onboarding-fixtures";
import { json, type PortalAgency, portalAgency } from "./portal-fixtures";

type TemplateJson = { steps: { id: string; kind: string; title: string }[]; customised: boolean };

let acme: PortalAgency;
beforeEach(async () => {
	acme = await portalAgency(uniqueSlug("acme"));
});

describe("onboarding template", () => {
	it("starts as a sensible default with every step kind, which admins replace and staff may read but not change", async () => {
		const initial = await json<TemplateJson>(call(acme.host, "/api/v1/onboarding/template", { cookie: acme.staffCookie }));
		expect(initial.customised).toBe(false);
		expect(initial.steps.map((s) => s.kind)).toEqual(["profile", "questionnaire", "documents", "kickoff_booking", "agreement"]);

		const denied = await saveTemplate(acme, SMALL_TEMPLATE, acme.staffCookie);
		expect(denied.status).toBe(403);
		expect((await call(acme.host, "/api/v1/onboarding/template", { cookie: acme.xUser.cookie })).status).toBe(403);

		const saved = await json<TemplateJson>(saveTemplate(acme, SMALL_TEMPLATE));
		expect(saved.customised).toBe(true);
		expect(saved.steps.map((s) => s.id)).toEqual(["profile", "brief", "docs", "kickoff", "sign"]);
		const audit = await json<{ events: { action: string }[] }>(
			call(acme.host, "/api/v1/audit-events?action=onboarding.template_updated", { cookie: acme.ownerCookie }),
		);
		expect(audit.events).toHaveLength(1);
	});

	it("refuses a bad design with problem+json naming each field, and keeps the saved template", async () => {
		await json(saveTemplate(acme, SMALL_TEMPLATE));
		const [profile, brief] = SMALL_TEMPLATE;
		const cases: [unknown, string][] = [
			[[profile, { ...profile, title: "Again" }], "steps.1.id"],
			[[{ ...brief, fields: [{ id: "pick", label: "Pick", type: "single_choice", options: ["Only"] }] }], "steps.0.fields.0.options"],
			[[{ id: "x", kind: "contract", title: "X" }], "steps.0.kind"],
			[[{ id: "Bad Id", kind: "profile", title: "X" }], "steps.0.id"],
			[[{ id: "sign", kind: "agreement", title: "Sign", agreementText: "  " }], "steps.0.agreementText"],
			[[], "steps"],
		];
		for (const [steps, path] of cases) {
			const res = await saveTemplate(acme, steps);
			expect(res.status, path).toBe(422);
			expect((await problemOf(res)).errors?.map((e) => e.path)).toContain(path);
		}
		const kept = await json<TemplateJson>(call(acme.host, "/api/v1/onboarding/template", { cookie: acme.ownerCookie }));
		expect(kept.steps.map((s) => s.id)).toEqual(["profile", "brief", "docs", "kickoff", "sign"]);
	});
});

describe("onboarding runs", () => {
	it("starts when a client is created pending setup, snapshots the template, and staff can start one for any client once", async () => {
		// Client Y was created pending setup: its run started with the default template.
		const ofY = await json<RunJson>(runOf(acme, acme.clientY.id, acme.staffCookie));
		expect(ofY).toMatchObject({ clientId: acme.clientY.id, status: "in_progress", clientStatus: "pending_setup" });
		expect(ofY.steps.map((s) => s.kind)).toEqual(["profile", "questionnaire", "documents", "kickoff_booking", "agreement"]);
		expect(ofY.progress).toEqual({ done: 0, required: 3, requiredDone: 0, total: 5 });

		// Client X was created active: no run until staff start one.
		expect((await runOf(acme, acme.clientX.id, acme.staffCookie)).status).toBe(404);
		await json(saveTemplate(acme, SMALL_TEMPLATE));
		const started = await json<RunJson>(startRun(acme, acme.clientX.id), 201);
		expect(started.steps.map((s) => s.id)).toEqual(["profile", "brief", "docs", "kickoff", "sign"]);
		const again = await json<RunJson>(startRun(acme, acme.clientX.id), 200);
		expect(again.id).toBe(started.id);

		// A later template edit changes neither run.
		await json(saveTemplate(acme, [{ id: "only", kind: "profile", title: "Only this", description: "", required: true }]));
		expect((await json<RunJson>(runOf(acme, acme.clientX.id, acme.staffCookie))).steps.map((s) => s.id)).toEqual(
			started.steps.map((s) => s.id),
		);
		expect((await json<RunJson>(runOf(acme, acme.clientY.id, acme.staffCookie))).steps).toHaveLength(5);

		const overview = await json<{ runs: { clientName: string; status: string; nextStep: string | null }[] }>(
			call(acme.host, "/api/v1/onboarding/runs", { cookie: acme.staffCookie }),
		);
		expect(overview.runs.map((r) => r.clientName).sort()).toEqual(["Xylo Foods", "Yarrow Labs"]);
		expect(overview.runs.find((r) => r.clientName === "Xylo Foods")?.nextStep).toBe("Company");
	});

	it("lets a client's people reach only their own run", async () => {
		await json(startRun(acme, acme.clientX.id), 201);
		const mine = await json<{ run: RunJson | null }>(call(acme.host, "/api/v1/onboarding/mine", { cookie: acme.yUser.cookie }));
		expect(mine.run?.clientId).toBe(acme.clientY.id);
		expect((await runOf(acme, acme.clientY.id, acme.yUser.cookie)).status).toBe(200);
		expect((await runOf(acme, acme.clientX.id, acme.yUser.cookie)).status).toBe(404);
		expect((await call(acme.host, "/api/v1/onboarding/runs", { cookie: acme.yUser.cookie })).status).toBe(403);
		expect((await startRun(acme, acme.clientY.id, acme.yUser.cookie)).status).toBe(403);
		expect((await call(acme.host, "/api/v1/onboarding/mine", { cookie: acme.staffCookie })).status).toBe(403);
	});

	it("keeps agencies apart: another agency's people and ids never reach this agency's runs", async () => {
		const globex = await portalAgency(uniqueSlug("globex"));
		expect((await runOf(globex, acme.clientY.id, globex.ownerCookie)).status).toBe(404);
		expect((await startRun(globex, acme.clientX.id, globex.ownerCookie)).status).toBe(404);
		expect((await runOf(acme, acme.clientY.id, globex.ownerCookie)).status).toBe(401);
		const theirs = await json<{ runs: { clientId: string }[] }>(
			call(globex.host, "/api/v1/onboarding/runs", { cookie: globex.ownerCookie }),
		);
		expect(theirs.runs.map((r) => r.clientId)).toEqual([globex.clientY.id]);
		await json(saveTemplate(globex, SMALL_TEMPLATE));
		const acmeTemplate = await json<TemplateJson>(call(acme.host, "/api/v1/onboarding/template", { cookie: acme.ownerCookie }));
		expect(acmeTemplate.customised).toBe(false);
	});
});
