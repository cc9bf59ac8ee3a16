/**
 * When a visitor landed with a referral link, as the server saw it: opening `/signup?ref=CODE`
 * asks the platform for a landing token — the code and the server's time, sealed (AES-GCM under
 * the deployment's key ring, bound to this purpose) so the browser can keep it but not change it.
 * Sign-up reads the landing time from a token that opens and names the same code; anything else
 * (no token, a forged, altered or another code's token, a client-supplied time) counts as landing
 * at sign-up, the one time the server saw itself.
 */
import { z } from "zod";
import { isSealed } from "../../lib/secret-box";
import { openStoredSecret, sealStoredSecret } from "../../lib/secret-keys";

/** Associated data of landing tokens: a sealed value of any other kind never opens as one. */
const CONTEXT = "referral-landing:v1";

const Landing = z.object({ code: z.string(), landedAt: z.number().int() });
export type ReferralLanding = z.infer<typeof Landing>;

/** A landing token for `code` (normalised upper-case), stamped with the server's time. */
export async function issueReferralLanding(code: string, now = Date.now()): Promise<{ landing: string; landedAt: number }> {
	const landing: ReferralLanding = { code: code.trim().toUpperCase(), landedAt: now };
	return { landing: await sealStoredSecret(JSON.stringify(landing), CONTEXT), landedAt: now };
}

/** The landing a token attests, or null when it was not sealed by this deployment for this purpose. */
export async function readReferralLanding(token: string): Promise<ReferralLanding | null> {
	// Unsealed text would pass through the secret box as a legacy plaintext: never accept it here.
	if (!isSealed(token)) return null;
	try {
		const { plaintext } = await openStoredSecret(token, CONTEXT);
		const parsed = Landing.safeParse(JSON.parse(plaintext));
		return parsed.success ? parsed.data : null;
	} catch {
		// Tampered, sealed under a key no longer configured, or no key ring at all: not evidence.
		return null;
	}
}
