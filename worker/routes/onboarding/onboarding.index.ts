/** The onboarding router: admins design the template, staff follow and nudge each client's run, clients complete their own. */
import type { Context } from "hono";
import type { AppEnv } from "../../env";
import { createRouter } from "../../http/create-router";
import type { PortalRequest } from "../../http/portal-request";
import { portalRequest } from "../../http/portal-request";
import { requestOrigin } from "../../http/request-origin";
import { tenantOf } from "../../lib/host-guards";
import { enqueue } from "../../lib/jobs";
import { actorOf, recordAudit } from "../../services/audit/audit-log";
import { getSignature, signatureHtml } from "../../services/onboarding/agreement";
import type { OnboardingEffects } from "../../services/onboarding/completion";
import { findRun, listRuns, requireRun, runView } from "../../services/onboarding/runs";
import { startOnboarding } from "../../services/onboarding/start";
import { staffCompleteStep, submitStep } from "../../services/onboarding/steps";
import { getTemplate, saveTemplate } from "../../services/onboarding/template";
import { linkedClientId } from "../../services/portal/client-access";
import { getClient } from "../../services/portal/clients";
import * as routes from "./onboarding.routes";

function effectsOf(c: Context<AppEnv>, request: PortalRequest): OnboardingEffects {
	return { actor: actorOf(request.auth), origin: requestOrigin(c), enqueue: (job) => enqueue(c.env, job) };
}

export const onboardingRouter = createRouter()
	.openapi(routes.getTemplate, async (c) => {
		const { scope } = await portalRequest(c);
		return c.json(await getTemplate(scope), 200);
	})
	.openapi(routes.saveTemplate, async (c) => {
		const { scope, auth } = await portalRequest(c);
		const template = await saveTemplate(scope, c.req.valid("json"), auth.user.id);
		await recordAudit(scope, {
			action: "onboarding.template_updated",
			actor: actorOf(auth),
			detail: { steps: template.steps.length },
			...requestOrigin(c),
		});
		return c.json(template, 200);
	})
	.openapi(routes.listRuns, async (c) => {
		const { scope } = await portalRequest(c);
		return c.json({ runs: await listRuns(scope) }, 200);
	})
	.openapi(routes.mine, async (c) => {
		const { scope, auth } = await portalRequest(c);
		const clientId = await linkedClientId(scope, auth.user.id);
		const run = clientId ? await findRun(scope, clientId) : null;
		if (!clientId || !run) return c.json({ run: null }, 200);
		const client = await getClient(scope, { kind: "own", userId: auth.user.id, clientId }, clientId);
		return c.json({ run: await runView(scope, client, run) }, 200);
	})
	.openapi(routes.start, async (c) => {
		const request = await portalRequest(c);
		const { scope, access, auth } = request;
		const client = await getClient(scope, access, c.req.valid("param").id);
		const { run, created } = await startOnboarding(scope, client.id, { actor: actorOf(auth), ...requestOrigin(c), memberId: auth.user.id });
		const view = await runView(scope, client, run);
		return created ? c.json(view, 201) : c.json(view, 200);
	})
	.openapi(routes.get, async (c) => {
		const { scope, access } = await portalRequest(c);
		const client = await getClient(scope, access, c.req.valid("param").id);
		return c.json(await runView(scope, client, await requireRun(scope, client.id)), 200);
	})
	.openapi(routes.submit, async (c) => {
		const request = await portalRequest(c);
		const { scope, access, auth } = request;
		const { id, stepId } = c.req.valid("param");
		const client = await getClient(scope, access, id);
		const run = await requireRun(scope, client.id);
		await submitStep(
			scope,
			run,
			stepId,
			c.req.valid("json"),
			{ userId: auth.user.id, isClientPerson: access.kind === "own" },
			effectsOf(c, request),
		);
		const latest = await getClient(scope, access, id);
		return c.json(await runView(scope, latest, await requireRun(scope, client.id)), 200);
	})
	.openapi(routes.staffComplete, async (c) => {
		const request = await portalRequest(c);
		const { scope, access } = request;
		const { id, stepId } = c.req.valid("param");
		const client = await getClient(scope, access, id);
		await staffCompleteStep(scope, await requireRun(scope, client.id), stepId, c.req.valid("json").note, effectsOf(c, request));
		const latest = await getClient(scope, access, id);
		return c.json(await runView(scope, latest, await requireRun(scope, client.id)), 200);
	})
	.openapi(routes.downloadSignature, async (c) => {
		const { scope, access } = await portalRequest(c);
		const { id, signatureId } = c.req.valid("param");
		const client = await getClient(scope, access, id);
		const signature = await getSignature(scope, client.id, signatureId);
		return c.body(signatureHtml(signature, tenantOf(c).name), 200, {
			"Content-Type": "text/html; charset=utf-8",
			"Content-Disposition": `attachment; filename="signed-agreement-${signature.signedAt}.html"`,
		});
	});
