/**
 * The hosted lead form on the agency's own address: `/f/<formId>` (the form, with a fresh signed
 * render stamp), `/f/<formId>/thanks` (after a plain HTML submission) and the pages' stylesheet.
 * A draft, another agency's form id or an unknown host answers 404; a paused form or client says so.
 */
import { type Context, Hono } from "hono";
import type { AppEnv } from "../../../env";
import {
	LEAD_FORM_CSS,
	LEAD_FORM_CSS_PATH,
	leadFormNoticePage,
	leadFormPage,
	leadFormThanksPage,
	type PageBrand,
} from "../../../http/lead-form-page";
import { tenantScope } from "../../../lib/db";
import { Problem } from "../../../lib/problem";
import { hostOfRequest } from "../../../middleware/tenant";
import { issueRenderStamp } from "../../../services/crm/forms/render-stamp";
import { assertTakingSubmissions, publishedForm } from "../../../services/crm/forms/submit-lead-form";
import { turnstileSettings } from "../../../services/crm/forms/turnstile";

const NOT_FOUND_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Form not found</title></head><body><main><h1>Form not found</h1><p>Check the link you were given.</p></main></body></html>`;

export const hostedFormRouter = new Hono<AppEnv>();

hostedFormRouter.get(LEAD_FORM_CSS_PATH, (c) =>
	c.body(LEAD_FORM_CSS, 200, { "Content-Type": "text/css; charset=utf-8", "Cache-Control": "public, max-age=3600" }),
);

/** The agency behind this host and its published form, or null (unknown host, other agency's id, draft). */
async function formOnHost(c: Context<AppEnv>, formId: string) {
	const host = await hostOfRequest(c);
	if (host?.kind !== "tenant") return null;
	const scope = tenantScope(c.get("db"), host.tenant.id);
	try {
		const form = await publishedForm(scope, formId);
		return { scope, form, who: { agencyName: host.tenant.name, brand: host.brand } satisfies PageBrand };
	} catch (error) {
		if (error instanceof Problem && error.status === 404) return null;
		throw error;
	}
}

hostedFormRouter.get("/f/:formId", async (c) => {
	const found = await formOnHost(c, c.req.param("formId"));
	if (!found) return c.html(NOT_FOUND_PAGE, 404);
	const { scope, form, who } = found;
	try {
		await assertTakingSubmissions(scope, form, Date.now(), { count: false });
	} catch (error) {
		if (error instanceof Problem) return c.html(leadFormNoticePage(form.name, who, error.message), 403);
		throw error;
	}
	const query = new URL(c.req.url).searchParams;
	const hiddenValues = Object.fromEntries(form.hiddenFields.flatMap((h) => (query.has(h.key) ? [[h.key, query.get(h.key) ?? ""]] : [])));
	const turnstile = turnstileSettings(c.env);
	c.header("Cache-Control", "no-store");
	return c.html(
		leadFormPage({
			form,
			who,
			stamp: await issueRenderStamp(scope.tenantId, form.id),
			hiddenValues,
			turnstile: turnstile ? { siteKey: turnstile.siteKey, scriptUrl: `${turnstile.baseUrl}/turnstile/v0/api.js` } : null,
		}),
	);
});

hostedFormRouter.get("/f/:formId/thanks", async (c) => {
	const found = await formOnHost(c, c.req.param("formId"));
	if (!found) return c.html(NOT_FOUND_PAGE, 404);
	return c.html(leadFormThanksPage(found.form, found.who, found.form.doubleOptIn));
});
