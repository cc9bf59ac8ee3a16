/**
 * The email outbox: a message is written once under its idempotency key, then delivered; a job
 * that runs again finds it already sent and does nothing.
 */
import { eq } from "drizzle-orm";
import { emailOutbox } from "../../../schema/index";
import type { TenantScope } from "../../lib/db";
import type { RenderedEmail } from "../../lib/email/render";
import { EmailDeliveryError, type EmailTransport } from "../../lib/email/transport";
import { newId } from "../../lib/ids";

export type SendOutcome = "sent" | "already-sent";

export async function sendOnce(
	scope: TenantScope,
	transport: EmailTransport,
	message: RenderedEmail & { idempotencyKey: string; template: string; from: string; to: string },
	now = Date.now(),
): Promise<SendOutcome> {
	await scope
		.insert(emailOutbox, {
			id: newId(now),
			idempotencyKey: message.idempotencyKey,
			template: message.template,
			fromAddress: message.from,
			toAddress: message.to,
			subject: message.subject,
			textBody: message.text,
			htmlBody: message.html,
			attachments: message.attachments?.length ? message.attachments : null,
			createdAt: now,
		})
		.onConflictDoNothing();
	const [row] = await scope.db
		.select()
		.from(emailOutbox)
		.where(scope.where(emailOutbox, eq(emailOutbox.idempotencyKey, message.idempotencyKey)))
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
			attachments: row.attachments ?? undefined,
			idempotencyKey: `${row.tenantId}:${row.idempotencyKey}`,
		});
		await scope.update(
			emailOutbox,
			{
				status: "sent",
				transport: result.transport,
				providerMessageId: result.providerMessageId,
				attempts: row.attempts + 1,
				sentAt: Date.now(),
				lastError: null,
			},
			eq(emailOutbox.id, row.id),
		);
		return "sent";
	} catch (error) {
		const retryable = !(error instanceof EmailDeliveryError) || error.retryable;
		await scope.update(
			emailOutbox,
			{
				status: retryable ? "queued" : "failed",
				transport: transport.name,
				attempts: row.attempts + 1,
				lastError: String(error).slice(0, 500),
			},
			eq(emailOutbox.id, row.id),
		);
		throw error;
	}
}
