/** The HTTP email transport against a local fake of the provider's `POST /emails` endpoint. */
import { describe, expect, it } from "vitest";
import { devMailboxTransport, EmailDeliveryError, httpTransport, transportFor } from "../../worker/lib/email/transport";

const email = {
	from: "Atrium <a@x.test>",
	to: "ann@acme.test",
	subject: "Hi",
	text: "Hello",
	html: "<p>Hello</p>",
	idempotencyKey: "t1:welcome:u1",
};

/** A stand-in for the provider: records each request and answers as the provider would. */
type Received = { url: string; headers: Headers; body: unknown };

function fakeProvider(answer: () => Response) {
	const received: Received[] = [];
	const fetcher = async (input: string | URL, init?: RequestInit) => {
		received.push({ url: String(input), headers: new Headers(init?.headers), body: JSON.parse(String(init?.body)) });
		return answer();
	};
	return { received, fetcher: fetcher as typeof fetch };
}

describe("httpTransport", () => {
	it("posts the message with the key and the idempotency key, and returns the provider's id", async () => {
		const provider = fakeProvider(() => Response.json({ id: "msg_123" }));
		const result = await httpTransport("re_key", "https://mail.test/", provider.fetcher).send(email);
		expect(result).toEqual({ transport: "http", providerMessageId: "msg_123" });
		const [request] = provider.received;
		expect(request?.url).toBe("https://mail.test/emails");
		expect(request?.headers.get("Authorization")).toBe("Bearer re_key");
		expect(request?.headers.get("Idempotency-Key")).toBe("t1:welcome:u1");
		expect(request?.body).toEqual({ from: email.from, to: ["ann@acme.test"], subject: "Hi", text: "Hello", html: "<p>Hello</p>" });
	});

	it("marks 429 and 5xx as retryable and 4xx as permanent", async () => {
		for (const [status, retryable] of [
			[429, true],
			[503, true],
			[422, false],
			[401, false],
		] as const) {
			const provider = fakeProvider(() => new Response("no", { status }));
			const error = await httpTransport("k", "https://mail.test", provider.fetcher)
				.send(email)
				.catch((e: unknown) => e);
			expect(error, String(status)).toBeInstanceOf(EmailDeliveryError);
			expect((error as EmailDeliveryError).retryable, String(status)).toBe(retryable);
		}
	});
});

describe("transportFor", () => {
	it("uses the provider when a key is set, the dev mailbox in development, and refuses silently dropping mail in production", async () => {
		expect(transportFor({ EMAIL_API_KEY: "k", ENVIRONMENT: "production" }).name).toBe("http");
		expect(transportFor({ ENVIRONMENT: "development" })).toBe(devMailboxTransport);
		const production = transportFor({ ENVIRONMENT: "production" });
		await expect(production.send(email)).rejects.toMatchObject({ retryable: false });
	});
});
