/**
 * The email outbox: a message is written once under its idempotency key, then delivered; a job
 * that runs again finds it already sent and does nothing.
 */
import { and, eq } from "drizzle-orm";
import { emailOutbox } from "../../schema/index";
import type { Database } from "../env";
import type { RenderedEmail } from "../lib/email/render";
import { EmailDeliveryError, type EmailTransport } from "../lib/email/transport";
import { newId } from "../lib/ids";

export type SendOutcome = "sent" | "already-sent";

export async function sendOnce(
	db: Database,
	transport: EmailTransport,
	message: RenderedEmail & { tenantId: string; idempotencyKey: string; template: string; from: string; to: string },
	now = Date.now(),
): Promise<SendOutcome> {
	await db
		.insert(emailOutbox)
		.values({
			id: newId(now),
			tenantId: message.tenantId,
			idempotencyKey: message.idempotencyKey,
			template: message.template,
			fromAddress: message.from,
			toAddress: message.to,
			subject: message.subject,
			textBody: message.text,
			htmlBody: message.html,
			createdAt: now,
		})
		.onConflictDoNothing();
	const [row] = await db
		.select()
		.from(emailOutbox)
		.where(and(eq(emailOutbox.tenantId, message.tenantId), eq(emailOutbox.idempotencyKey, message.idempotencyKey)))
		.limit(1);
	if (!row) throw new Error("email outbox row vanished");
	if (row.status === "sent") return "already-sent";
	try {
		const result = await transport.send({
			from: row.fromAddress,
			to: row.toAddress,
			subject: row.subject,
			text: row.textBody,
			html: row.htmlBody,
			idempotencyKey: `${row.tenantId}:${row.idempotencyKey}`,
		});
		await db
			.update(emailOutbox)
			.set({
				status: "sent",
				transport: result.transport,
				providerMessageId: result.providerMessageId,
				attempts: row.attempts + 1,
				sentAt: Date.now(),
				lastError: null,
			})
			.where(eq(emailOutbox.id, row.id));
		return "sent";
	} catch (error) {
		const retryable = !(error instanceof EmailDeliveryError) || error.retryable;
		await db
			.update(emailOutbox)
			.set({
				status: retryable ? "queued" : "failed",
				transport: transport.name,
				attempts: row.attempts + 1,
				lastError: String(error).slice(0, 500),
			})
			.where(eq(emailOutbox.id, row.id));
		throw error;
	}
}
