/**
 * Email transports. With EMAIL_API_KEY set, mail goes to an HTTP provider (Resend-compatible
 * `POST /emails`, with the outbox row's idempotency key so a retry never sends twice). Without
 * it, development delivers to the dev mailbox (the outbox row itself, readable at /dev/mailbox);
 * production refuses, so a missing key shows up as failed mail rather than silence.
 */
import type { EmailAttachment } from "../../../schema/index";
import type { Bindings } from "../../env";

export type OutgoingEmail = {
	from: string;
	to: string;
	subject: string;
	text: string;
	html: string;
	idempotencyKey: string;
	attachments?: EmailAttachment[];
};

/** UTF-8 text as base64, the way the provider takes attachment content. */
function base64OfText(text: string): string {
	let binary = "";
	for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
	return btoa(binary);
}

/** The provider's attachment shape (Resend: filename, base64 content, content_type). */
function providerAttachments(attachments: EmailAttachment[] | undefined) {
	return attachments?.map((a) => ({ filename: a.filename, content: base64OfText(a.content), content_type: a.contentType }));
}

export type DeliveryResult = { transport: "http" | "dev-mailbox"; providerMessageId: string | null };

export interface EmailTransport {
	readonly name: DeliveryResult["transport"];
	send(email: OutgoingEmail): Promise<DeliveryResult>;
}

export class EmailDeliveryError extends Error {
	constructor(
		message: string,
		readonly retryable: boolean,
	) {
		super(message);
	}
}

const DEFAULT_API_URL = "https://api.resend.com";

export function httpTransport(apiKey: string, baseUrl = DEFAULT_API_URL, fetcher: typeof fetch = fetch): EmailTransport {
	return {
		name: "http",
		async send(email) {
			const response = await fetcher(`${baseUrl.replace(/\/$/, "")}/emails`, {
				method: "POST",
				headers: {
					Authorization: `Bearer ${apiKey}`,
					"Content-Type": "application/json",
					"Idempotency-Key": email.idempotencyKey,
				},
				body: JSON.stringify({
					from: email.from,
					to: [email.to],
					subject: email.subject,
					text: email.text,
					html: email.html,
					...(email.attachments?.length ? { attachments: providerAttachments(email.attachments) } : {}),
				}),
			});
			if (!response.ok) {
				const retryable = response.status === 429 || response.status >= 500;
				throw new EmailDeliveryError(`email provider answered ${response.status}`, retryable);
			}
			const body = (await response.json().catch(() => ({}))) as { id?: unknown };
			return { transport: "http", providerMessageId: typeof body.id === "string" ? body.id : null };
		},
	};
}

export const devMailboxTransport: EmailTransport = {
	name: "dev-mailbox",
	async send() {
		return { transport: "dev-mailbox", providerMessageId: null };
	},
};

/** The transport the configuration asks for. */
export function transportFor(env: Pick<Bindings, "EMAIL_API_KEY" | "EMAIL_API_URL" | "ENVIRONMENT">): EmailTransport {
	if (env.EMAIL_API_KEY) return httpTransport(env.EMAIL_API_KEY, env.EMAIL_API_URL);
	if (env.ENVIRONMENT === "development") return devMailboxTransport;
	return {
		name: "http",
		async send() {
			throw new EmailDeliveryError("EMAIL_API_KEY is not set; email cannot be delivered", false);
		},
	};
}
