/**
 * Proving possession of a passkey: options with a fresh server-side challenge, then the browser's
 * assertion checked against that challenge (single use), this tenant's origin and RP ID, the stored
 * public key, and the signature counter (which must rise, when the authenticator keeps one).
 */
import { decodeBase64urlIgnorePadding } from "@oslojs/encoding";
import { type AuthenticationResponseJSON, generateAuthenticationOptions, verifyAuthenticationResponse } from "@simplewebauthn/server";
import { eq } from "drizzle-orm";
import type { AuthenticationCredential } from "../../../schema/dto/passkeys";
import { type Passkey, passkeys, type WebAuthnPurpose } from "../../../schema/index";
import type { TenantScope } from "../../lib/db";
import { Problem } from "../../lib/problem";
import type { RelyingParty } from "../../lib/relying-party";
import { parseTransports } from "./passkey-registration";
import { challengeOf, consumeWebAuthnChallenge, issueWebAuthnChallenge } from "./webauthn-challenges";

type AssertionPurpose = Exclude<WebAuthnPurpose, "register">;

/** Options for `navigator.credentials.get()`; with a user, only that user's passkeys are offered. */
export async function passkeyAuthenticationOptions(
	scope: TenantScope,
	rp: RelyingParty,
	purpose: AssertionPurpose,
	userId: string | null,
	now = Date.now(),
) {
	const allowed = userId
		? await scope.db
				.select({ credentialId: passkeys.credentialId, transports: passkeys.transports })
				.from(passkeys)
				.where(scope.where(passkeys, eq(passkeys.userId, userId)))
		: [];
	const challenge = await issueWebAuthnChallenge(scope, purpose, userId, now);
	return generateAuthenticationOptions({
		rpID: rp.id,
		challenge: new Uint8Array(decodeBase64urlIgnorePadding(challenge)),
		allowCredentials: allowed.map((p) => ({ id: p.credentialId, transports: parseTransports(p.transports) })),
		userVerification: purpose === "sign_in" ? "required" : "preferred",
		timeout: 5 * 60_000,
	});
}

export const passkeyNotAccepted = (detail = "That passkey was not accepted. Try again.") =>
	new Problem(401, "passkey-not-accepted", "Sign-in failed", detail, { errors: [{ path: "credential", message: detail }] });

/**
 * The passkey an assertion proves, after checking everything; throws 401 otherwise. The challenge
 * is spent before the signature is checked, so a failed attempt cannot be retried with it.
 */
export async function verifyPasskeyAssertion(
	scope: TenantScope,
	rp: RelyingParty,
	credential: AuthenticationCredential,
	purpose: AssertionPurpose,
	userId: string | null,
	now = Date.now(),
): Promise<Passkey> {
	const challenge = challengeOf(credential.response.clientDataJSON);
	if (!challenge || !(await consumeWebAuthnChallenge(scope, challenge, purpose, userId, now))) {
		throw passkeyNotAccepted("This passkey request has expired or was already used. Start again.");
	}
	const [passkey] = await scope.db
		.select()
		.from(passkeys)
		.where(scope.where(passkeys, eq(passkeys.credentialId, credential.id), userId ? eq(passkeys.userId, userId) : undefined))
		.limit(1);
	if (!passkey) throw passkeyNotAccepted("This passkey is not registered with this agency.");
	if (credential.response.userHandle !== undefined && credential.response.userHandle !== "") {
		const handle = new TextDecoder().decode(decodeBase64urlIgnorePadding(credential.response.userHandle));
		if (handle !== passkey.userId) throw passkeyNotAccepted("This passkey belongs to a different account.");
	}
	let result: Awaited<ReturnType<typeof verifyAuthenticationResponse>>;
	try {
		result = await verifyAuthenticationResponse({
			response: credential as AuthenticationResponseJSON,
			expectedChallenge: challenge,
			expectedOrigin: rp.origin,
			expectedRPID: rp.id,
			credential: {
				id: passkey.credentialId,
				publicKey: new Uint8Array(decodeBase64urlIgnorePadding(passkey.publicKey)),
				counter: passkey.counter,
				transports: parseTransports(passkey.transports),
			},
			requireUserVerification: purpose === "sign_in",
		});
	} catch {
		throw passkeyNotAccepted();
	}
	if (!result.verified) throw passkeyNotAccepted();
	// Conditional on the counter read above: two concurrent uses of one assertion cannot both pass.
	const [updated] = await scope
		.update(
			passkeys,
			{ counter: result.authenticationInfo.newCounter, lastUsedAt: now, backedUp: result.authenticationInfo.credentialBackedUp },
			eq(passkeys.id, passkey.id),
			eq(passkeys.counter, passkey.counter),
		)
		.returning();
	if (!updated) throw passkeyNotAccepted();
	return updated;
}
