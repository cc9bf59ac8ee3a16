/**
 * Fresh agencies for browser tests, signed up through the real API. Each sign-up comes from its own
 * client address (CF-Connecting-IP, the header Cloudflare sets and Atrium trusts), so the
 * per-IP sign-up limit of one test never blocks another.
 */

import type { Page } from "playwright-core";
import type { SignupResponse } from "../../schema/dto/auth";
import { apiInPage, platformUrl, uniqueSlug } from "./browser";

export const E2E_PASSWORD = "a long enough passphrase";

let addressCounter = 0;

export type E2eAgency = { slug: string; name: string; ownerEmail: string };

export async function signUpAgencyViaApi(prefix: string, name: string): Promise<E2eAgency> {
	const slug = uniqueSlug(prefix);
	const ownerEmail = `owner@${slug}.test`;
	addressCounter += 1;
	const res = await fetch(platformUrl("/api/v1/auth/signup"), {
		method: "POST",
		headers: { "Content-Type": "application/json", "CF-Connecting-IP": `203.0.113.${(process.pid + addressCounter) % 250}` },
		body: JSON.stringify({ agencyName: name, slug, name: "Test Owner", email: ownerEmail, password: E2E_PASSWORD }),
	});
	if (res.status !== 201) throw new Error(`sign-up failed: ${res.status} ${await res.text()}`);
	(await res.json()) as SignupResponse;
	return { slug, name, ownerEmail };
}

/** White label is Pro's: the signed-in owner starts a Pro trial through the local Stripe fake (its webhooks reach the app before it answers). */
export async function subscribeToPro(page: Page): Promise<void> {
	const { url } = (await apiInPage(page, "POST", "/api/v1/billing/checkout", { planId: "pro", interval: "month" })) as { url: string };
	const checkout = new URL(url);
	const res = await fetch(`${checkout.origin}/_fake/checkout/${checkout.pathname.split("/").at(-1)}/pay`, {
		method: "POST",
		headers: { "Content-Type": "application/json" },
		body: JSON.stringify({ card: "4242424242424242" }),
	});
	if (!res.ok) throw new Error(`checkout not paid: ${res.status} ${await res.text()}`);
}
