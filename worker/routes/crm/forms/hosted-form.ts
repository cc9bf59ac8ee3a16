/**
 * The hosted lead form on the agency's own address: `/f/<formId>` (the form, with a fresh signed
 * render stamp), `/f/<formId>/thanks` (after a plain HTML submission), `/f/opt-in` (a lead confirms
 * its email: double opt-in) and the pages' stylesheet.
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
	leadOptInPage,
	OPT_IN_PATH,
	type PageBrand,
} from "../../../http/lead-form-page";
import { tenantScope } from "../../../lib/db";
import { Problem } from "../../../lib/problem";
import { hostOfRequest } from "../../../middleware/tenant";
import { confirmOptIn } from "../../../services/crm/forms/lead-opt-in";
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

/** The agency behind this host, or null. */
async function agencyOnHost(c: Context<AppEnv>) {
	const host = await hostOfRequest(c);
	if (host?.kind !== "tenant") return null;
	return { scope: tenantScope(c.get("db"), host.tenant.id), who: { agencyName: host.tenant.name, brand: host.brand } satisfies PageBrand };
}

// Double opt-in: the emailed link opens a page whose button confirms (a link scanner's GET changes nothing).
hostedFormRouter.get(OPT_IN_PATH, async (c) => {
	const agency = await agencyOnHost(c);
	if (!agency) return c.html(NOT_FOUND_PAGE, 404);
	c.header("Cache-Control", "no-store");
	return c.html(leadOptInPage(agency.who, c.req.query("token") ?? ""));
});

hostedFormRouter.post(OPT_IN_PATH, async (c) => {
	const agency = await agencyOnHost(c);
	if (!agency) return c.html(NOT_FOUND_PAGE, 404);
	const body = await c.req.parseBody();
	const token = typeof body.token === "string" ? body.token : "";
	const outcome = await confirmOptIn(agency.scope, token);
	const { title, text, status } = OPT_IN_ANSWERS[outcome];
	return c.html(leadFormNoticePage(title, agency.who, text), status);
});

const OPT_IN_ANSWERS = {
	confirmed: { title: "Email confirmed", text: "Thank you: your email address is confirmed.", status: 200 },
	expired: { title: "Link expired", text: "This confirmation link has expired. Send the form again to get a new one.", status: 410 },
	unknown: { title: "Link not valid", text: "This confirmation link is not valid or was already used.", status: 404 },
} as const;

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
