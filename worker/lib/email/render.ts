/** Turning a template's parts into the text and HTML bodies of an email; every value is escaped. */
import type { EmailAttachment } from "../../../schema/index";

/** `attachments`: text files sent with the message (e.g. a calendar invitation). */
export type RenderedEmail = { subject: string; text: string; html: string; attachments?: EmailAttachment[] };

export function escapeHtml(value: string): string {
	return value.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

/** Whose email this is: the agency's name over the message and its colour on the button. */
export type EmailBrand = { name: string; color: string; logoUrl: string | null };

const PLATFORM_BUTTON_COLOR = "#1f4ed8";

function brandHeader(brand: EmailBrand): string {
	const logo = brand.logoUrl
		? `<img src="${escapeHtml(brand.logoUrl)}" alt="" height="32" style="vertical-align:middle;margin-right:8px">`
		: "";
	return `<div style="padding:12px 16px;border-bottom:4px solid ${escapeHtml(brand.color)};font-weight:600">${logo}${escapeHtml(brand.name)}</div>`;
}

/** A plain, accessible layout: the agency's name (when it is an agency's email), a heading, paragraphs and one call to action. */
export function renderEmail(parts: {
	subject: string;
	heading: string;
	paragraphs: string[];
	action?: { label: string; url: string };
	brand?: EmailBrand;
}): RenderedEmail {
	const textLines = [...(parts.brand ? [parts.brand.name, ""] : []), parts.heading, "", ...parts.paragraphs.flatMap((p) => [p, ""])];
	const buttonColor = escapeHtml(parts.brand?.color ?? PLATFORM_BUTTON_COLOR);
	if (parts.action) textLines.push(`${parts.action.label}: ${parts.action.url}`);
	const action = parts.action
		? `<p><a href="${escapeHtml(parts.action.url)}" style="display:inline-block;padding:12px 20px;background:${buttonColor};color:#ffffff;text-decoration:none;border-radius:6px">${escapeHtml(parts.action.label)}</a></p>`
		: "";
	const html = `<!doctype html><html lang="en"><body style="font-family:system-ui,sans-serif;line-height:1.5;color:#111827">${parts.brand ? brandHeader(parts.brand) : ""}<h1 style="font-size:20px">${escapeHtml(parts.heading)}</h1>${parts.paragraphs
		.map((p) => `<p>${escapeHtml(p)}</p>`)
		.join("")}${action}</body></html>`;
	return { subject: parts.subject, text: textLines.join("\n").trim(), html };
}
