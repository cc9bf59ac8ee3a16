/** Test helper: the one mailbox poller (bounded) over the emails the jobs queue sent, and the token in a link. */
import { env } from "cloudflare:workers";

export type SentEmail = { to: string; subject: string; text: string; template: string };

/** Every email to `to` whose subject matches, oldest first, once at least `count` exist (fails after ~5 s). */
export async function waitForEmails(to: string, subject: RegExp, count = 1): Promise<SentEmail[]> {
	for (let i = 0; i < 200; i++) {
		const rows = await env.DB.prepare(
			"SELECT to_address AS \"to\", subject, text_body AS text, template FROM email_outbox WHERE to_address = ? AND status = 'sent' ORDER BY created_at, id",
		)
			.bind(to)
			.all<SentEmail>();
		const matching = rows.results.filter((r) => subject.test(r.subject));
		if (matching.length >= count) return matching;
		await new Promise((resolve) => setTimeout(resolve, 25));
	}
	throw new Error(`no email to ${to} matching ${subject} arrived`);
}

/** The newest email to `to` whose subject matches, once one exists (fails after ~5 s). */
export async function waitForEmail(to: string, subject: RegExp): Promise<SentEmail> {
	const emails = await waitForEmails(to, subject);
	return emails.at(-1) as SentEmail;
}

/** The token of the first `…?token=` link in an email. */
export function tokenIn(email: SentEmail): string {
	const match = /[?&]token=([a-z2-7]{32})/.exec(email.text);
	if (!match?.[1]) throw new Error(`no token link in: ${email.text}`);
	return match[1];
}

/** How many emails to `to` match the subject right now (no waiting). */
export async function countEmails(to: string, subject: RegExp): Promise<number> {
	const rows = await env.DB.prepare("SELECT subject FROM email_outbox WHERE to_address = ?").bind(to).all<{ subject: string }>();
	return rows.results.filter((r) => subject.test(r.subject)).length;
}
