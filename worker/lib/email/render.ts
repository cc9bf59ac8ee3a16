/** Turning a template's parts into the text and HTML bodies of an email; every value is escaped. */

export type RenderedEmail = { subject: string; text: string; html: string };

export function escapeHtml(value: string): string {
	return value.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

/** A plain, accessible layout: a heading, paragraphs and one call to action. */
export function renderEmail(parts: {
	subject: string;
	heading: string;
	paragraphs: string[];
	action?: { label: string; url: string };
}): RenderedEmail {
	const textLines = [parts.heading, "", ...parts.paragraphs.flatMap((p) => [p, ""])];
	if (parts.action) textLines.push(`${parts.action.label}: ${parts.action.url}`);
	const action = parts.action
		? `<p><a href="${escapeHtml(parts.action.url)}" style="display:inline-block;padding:12px 20px;background:#1f4ed8;color:#ffffff;text-decoration:none;border-radius:6px">${escapeHtml(parts.action.label)}</a></p>`
		: "";
	const html = `<!doctype html><html lang="en"><body style="font-family:system-ui,sans-serif;line-height:1.5;color:#111827"><h1 style="font-size:20px">${escapeHtml(parts.heading)}</h1>${parts.paragraphs
		.map((p) => `<p>${escapeHtml(p)}</p>`)
		.join("")}${action}</body></html>`;
	return { subject: parts.subject, text: textLines.join("\n").trim(), html };
}
