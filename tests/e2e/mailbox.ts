/**
 * The development mailbox (`/dev/mailbox.json`, every email the local app sent) as the e2e files
 * read it: the messages to one address, polled with a bound until they arrive, and the invitation
 * link in the newest one. The worker tests' equivalent is tests/support/mailbox.ts.
 */
import { expect } from "vitest";
import { platformUrl } from "./browser";

export type DevMail = { to: string; from: string; subject: string; text: string; html: string };

/** A bound for waits on the app's email jobs: generous, since the machine may be busy (a bound, not a sleep). */
const MAIL_WAIT = { timeout: 20_000, interval: 100 };

/** Every message in the mailbox, newest first. */
export async function readMailbox(): Promise<DevMail[]> {
	const res = await fetch(platformUrl("/dev/mailbox.json"));
	if (!res.ok) throw new Error(`GET /dev/mailbox.json: ${res.status}`);
	return ((await res.json()) as { messages: DevMail[] }).messages;
}

/** The messages to `to` (newest first), once at least `count` of them have arrived. */
export async function mailsTo(to: string, count = 1): Promise<DevMail[]> {
	const find = async () => (await readMailbox()).filter((m) => m.to === to);
	await expect.poll(async () => (await find()).length, MAIL_WAIT).toBeGreaterThanOrEqual(count);
	return find();
}

/** The newest message to `to`, waiting for it to arrive. */
export async function newestMailTo(to: string): Promise<DevMail> {
	const [newest] = await mailsTo(to);
	if (!newest) throw new Error(`no mail to ${to}`);
	return newest;
}

/** The invitation link (`…/invite?token=…`) in the newest message to `to` that carries one, waiting for it. */
export async function invitationLinkTo(to: string): Promise<string> {
	const find = async () =>
		(await readMailbox()).filter((m) => m.to === to).map((m) => m.text.match(/http:\/\/\S+\/invite\?token=[a-z2-7]{32}/)?.[0])[0];
	await expect.poll(find, MAIL_WAIT).toBeDefined();
	return (await find()) ?? "";
}
