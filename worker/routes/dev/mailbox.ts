/**
 * The dev mailbox (development only): every email the dev transport delivered, newest first, as a
 * page at /dev/mailbox and as JSON at /dev/mailbox.json. In production these paths do not exist
 * (./index.ts mounts this behind the development-only guard).
 */
import { desc, eq } from "drizzle-orm";
import { Hono } from "hono";
import { emailOutbox } from "../../../schema/index";
import type { AppEnv } from "../../env";
import { escapeHtml } from "../../lib/email/render";

const LIMIT = 100;

export const devMailboxRouter = new Hono<AppEnv>();

async function deliveredMail(c: { get(key: "db"): AppEnv["Variables"]["db"] }) {
	return c
		.get("db")
		.select({
			id: emailOutbox.id,
			tenantId: emailOutbox.tenantId,
			template: emailOutbox.template,
			from: emailOutbox.fromAddress,
			to: emailOutbox.toAddress,
			subject: emailOutbox.subject,
			text: emailOutbox.textBody,
			html: emailOutbox.htmlBody,
			sentAt: emailOutbox.sentAt,
		})
		.from(emailOutbox)
		.where(eq(emailOutbox.transport, "dev-mailbox"))
		.orderBy(desc(emailOutbox.createdAt))
		.limit(LIMIT);
}

devMailboxRouter.get("/dev/mailbox.json", async (c) => c.json({ messages: await deliveredMail(c) }));

devMailboxRouter.get("/dev/mailbox", async (c) => {
	const messages = await deliveredMail(c);
	const items = messages
		.map(
			(m) =>
				`<article><h2>${escapeHtml(m.subject)}</h2><p>To ${escapeHtml(m.to)} · from ${escapeHtml(m.from)} · ${
					m.sentAt ? new Date(m.sentAt).toISOString() : "queued"
				}</p><pre>${escapeHtml(m.text)}</pre></article>`,
		)
		.join("");
	return c.html(
		`<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Dev mailbox</title></head><body><main><h1>Dev mailbox</h1><p>${messages.length} message(s). Development only.</p>${
			items || "<p>No mail yet.</p>"
		}</main></body></html>`,
	);
});
