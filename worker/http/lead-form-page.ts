/**
 * The hosted lead form page (`/f/<formId>`) and its thank-you page as HTML, in the agency's brand:
 * its name, its colours (/theme.css), font and corners. The form posts form-encoded to the public
 * submit endpoint, carries its signed render stamp, the honeypot and the Turnstile widget. It
 * works without the PWA's bundle; only the Turnstile widget needs JavaScript.
 */
import { type FormField, SUBMISSION_NAMES } from "../../schema/crm-forms";
import type { PublicBrand } from "../../schema/dto/branding";
import type { CrmForm } from "../../schema/index";
import { escapeHtml } from "../lib/email/render";
import { themeCssHref } from "./theme-css";

export const LEAD_FORM_CSS_PATH = "/f/form.css";
/** Where a double opt-in email's link goes (`?token=…`). */
export const OPT_IN_PATH = "/f/opt-in";

export type PageBrand = { agencyName: string; brand: PublicBrand };

const AUTOCOMPLETE: Partial<Record<NonNullable<FormField["mapsTo"]>, string>> = {
	email: "email",
	firstName: "given-name",
	lastName: "family-name",
	phone: "tel",
	company: "organization",
	title: "organization-title",
};

function page(title: string, who: PageBrand, body: string, head = ""): string {
	const { brand } = who;
	const theme = themeCssHref(brand.primaryColor, brand.accentColor);
	return `<!doctype html>
<html lang="en" data-theme="${escapeHtml(brand.defaultAppearance)}" data-font="${escapeHtml(brand.font)}" data-corners="${escapeHtml(brand.cornerStyle)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} · ${escapeHtml(who.agencyName)}</title>
<link rel="stylesheet" href="${LEAD_FORM_CSS_PATH}">
${theme ? `<link rel="stylesheet" href="${escapeHtml(theme)}">` : ""}
${head}
</head>
<body>
<main class="lead-form">
<p class="lead-form__agency">${brand.logoUrl ? `<img src="${escapeHtml(brand.logoUrl)}" alt="" height="32"> ` : ""}${escapeHtml(who.agencyName)}</p>
${body}
</main>
</body>
</html>`;
}

function fieldHtml(field: FormField): string {
	const id = `f-${field.key}`;
	const required = field.required ? " required" : "";
	const label = `<label for="${id}">${escapeHtml(field.label)}${field.required ? ' <span aria-hidden="true">*</span>' : ""}</label>`;
	const autocomplete = field.mapsTo && AUTOCOMPLETE[field.mapsTo] ? ` autocomplete="${AUTOCOMPLETE[field.mapsTo]}"` : "";
	if (field.type === "textarea") return `${label}<textarea id="${id}" name="${field.key}" rows="4" maxlength="5000"${required}></textarea>`;
	if (field.type === "select") {
		const options = (field.options ?? []).map((o) => `<option>${escapeHtml(o)}</option>`).join("");
		return `${label}<select id="${id}" name="${field.key}"${required}><option value="">Choose…</option>${options}</select>`;
	}
	const type = field.type === "phone" ? "tel" : field.type;
	return `${label}<input id="${id}" name="${field.key}" type="${type}" maxlength="500"${autocomplete}${required}>`;
}

export type FormPageInput = {
	form: CrmForm;
	who: PageBrand;
	stamp: string;
	/** Hidden fields' values from the page address (`?campaign=…`), else their defaults. */
	hiddenValues: Record<string, string>;
	turnstile: { siteKey: string; scriptUrl: string } | null;
};

export function leadFormPage({ form, who, stamp, hiddenValues, turnstile }: FormPageInput): string {
	const fields = form.fields.map((f) => `<div class="lead-form__field">${fieldHtml(f)}</div>`).join("\n");
	const consents = form.consents
		.map(
			(c) =>
				`<div class="lead-form__consent"><input id="c-${c.key}" type="checkbox" name="${SUBMISSION_NAMES.consentPrefix}${c.key}"${c.required ? " required" : ""}><label for="c-${c.key}">${escapeHtml(c.wording)}</label></div>`,
		)
		.join("\n");
	const hidden = form.hiddenFields
		.map(
			(h) =>
				`<input type="hidden" name="${SUBMISSION_NAMES.hiddenPrefix}${h.key}" value="${escapeHtml(hiddenValues[h.key] ?? h.defaultValue)}">`,
		)
		.join("");
	const widget = turnstile ? `<div class="cf-turnstile" data-sitekey="${escapeHtml(turnstile.siteKey)}"></div>` : "";
	const script = turnstile ? `<script src="${escapeHtml(turnstile.scriptUrl)}" async defer></script>` : "";
	return page(
		form.name,
		who,
		`<h1>${escapeHtml(form.name)}</h1>
<form method="post" action="/api/forms/${encodeURIComponent(form.id)}/submissions">
${fields}
${consents}
${hidden}<input type="hidden" name="${SUBMISSION_NAMES.stamp}" value="${escapeHtml(stamp)}">
<div class="lead-form__trap" aria-hidden="true"><label for="f-trap">Leave this empty</label><input id="f-trap" name="${SUBMISSION_NAMES.honeypot}" tabindex="-1" autocomplete="off"></div>
${widget}
<button type="submit">Send</button>
</form>`,
		script,
	);
}

export function leadFormThanksPage(form: CrmForm, who: PageBrand, confirmEmail: boolean): string {
	const message = form.success.kind === "message" ? form.success.message : "Thank you. We received your details.";
	const confirm = confirmEmail ? "<p>Check your inbox: confirm your email address with the link we sent.</p>" : "";
	return page(form.name, who, `<h1>${escapeHtml(form.name)}</h1>\n<p role="status">${escapeHtml(message)}</p>${confirm}`);
}

/** The page an opt-in link opens: one button that confirms (POST), so a mail scanner's visit confirms nothing. */
export function leadOptInPage(who: PageBrand, token: string): string {
	return page(
		"Confirm your email",
		who,
		`<h1>Confirm your email</h1>
<form method="post" action="${OPT_IN_PATH}"><input type="hidden" name="token" value="${escapeHtml(token)}"><button type="submit">Confirm my email</button></form>`,
	);
}

export function leadFormNoticePage(title: string, who: PageBrand, text: string): string {
	return page(title, who, `<h1>${escapeHtml(title)}</h1>\n<p>${escapeHtml(text)}</p>`);
}

/** The pages' own small stylesheet: the agency's colour roles come from /theme.css on top of these defaults. */
export const LEAD_FORM_CSS = `:root{--color-primary:#1f4ed8;--color-on-primary:#fff;color-scheme:light dark}
*{box-sizing:border-box}
body{margin:0;font-family:system-ui,sans-serif;background:Canvas;color:CanvasText;line-height:1.5}
[data-font="serif"] body{font-family:Georgia,serif}
.lead-form{max-width:36rem;margin:0 auto;padding:1.5rem 1rem}
.lead-form__agency{font-weight:600;display:flex;align-items:center;gap:.5rem}
.lead-form__field{display:flex;flex-direction:column;gap:.25rem;margin-bottom:1rem}
.lead-form input,.lead-form select,.lead-form textarea{font:inherit;min-height:44px;padding:.5rem .75rem;border:1px solid GrayText;border-radius:.5rem}
[data-corners="sharp"] .lead-form input,[data-corners="sharp"] .lead-form button{border-radius:0}
.lead-form__consent{display:flex;gap:.5rem;align-items:flex-start;margin-bottom:1rem}
.lead-form__consent input{min-height:24px;min-width:24px}
.lead-form__trap{position:absolute;left:-10000px;width:1px;height:1px;overflow:hidden}
.lead-form button{font:inherit;font-weight:600;min-height:44px;padding:.5rem 1.25rem;border:0;border-radius:.5rem;background:var(--color-primary);color:var(--color-on-primary);cursor:pointer}
.lead-form button:focus-visible,.lead-form input:focus-visible,.lead-form select:focus-visible,.lead-form textarea:focus-visible{outline:3px solid var(--color-primary);outline-offset:2px}
.cf-turnstile{margin-bottom:1rem;min-height:65px}
`;
