/**
 * Adding a passkey to the signed-in account: options with a fresh server-side challenge (a
 * discoverable credential, so it can later sign in without a username), then the browser's
 * attestation verified against that challenge, this tenant's origin and RP ID.
 */
import { decodeBase64urlIgnorePadding, encodeBase64urlNoPadding } from "@oslojs/encoding";
import { generateRegistrationOptions, type RegistrationResponseJSON, verifyRegistrationResponse } from "@simplewebauthn/server";
import { eq } from "drizzle-orm";
import type { PasskeyView, RegistrationCredential } from "../../../schema/dto/passkeys";
import { passkeys } from "../../../schema/index";
import type { TenantScope } from "../../lib/db";
import { isUniqueViolation } from "../../lib/db-errors";
import { Problem, problems } from "../../lib/problem";
import type { RelyingParty } from "../../lib/relying-party";
import { generatePublicId } from "../../lib/tokens";
import { recordAudit, userActor } from "../audit/audit-log";
import { type RequestOrigin, refreshCachedUser } from "../sessions/sessions";
import { toPasskeyView } from "./passkey-list";
import { challengeOf, consumeWebAuthnChallenge, issueWebAuthnChallenge } from "./webauthn-challenges";

type Account = { id: string; email: string; name: string };

const KNOWN_TRANSPORTS: ReadonlySet<string> = new Set(["ble", "cable", "hybrid", "internal", "nfc", "smart-card", "usb"]);

export async function passkeyRegistrationOptions(scope: TenantScope, rp: RelyingParty, user: Account, now = Date.now()) {
	const existing = await scope.db
		.select({ credentialId: passkeys.credentialId, transports: passkeys.transports })
		.from(passkeys)
		.where(scope.where(passkeys, eq(passkeys.userId, user.id)));
	const challenge = await issueWebAuthnChallenge(scope, "register", user.id, now);
	return generateRegistrationOptions({
		rpName: rp.name,
		rpID: rp.id,
		userName: user.email,
		userDisplayName: user.name,
		userID: new Uint8Array(new TextEncoder().encode(user.id)),
		challenge: new Uint8Array(decodeBase64urlIgnorePadding(challenge)),
		attestationType: "none",
		excludeCredentials: existing.map((p) => ({ id: p.credentialId, transports: parseTransports(p.transports) })),
		authenticatorSelection: { residentKey: "required", userVerification: "preferred" },
		timeout: 5 * 60_000,
	});
}

export const passkeyRefused = (path: string, detail: string) =>
	new Problem(400, "passkey-refused", "The passkey was not accepted", detail, { errors: [{ path, message: detail }] });

export async function addPasskey(
	scope: TenantScope,
	rp: RelyingParty,
	user: Account,
	input: { name: string; credential: RegistrationCredential },
	origin: RequestOrigin,
	now = Date.now(),
): Promise<PasskeyView> {
	const challenge = challengeOf(input.credential.response.clientDataJSON);
	if (!challenge || !(await consumeWebAuthnChallenge(scope, challenge, "register", user.id, now))) {
		throw passkeyRefused("credential", "This passkey request has expired or was already used. Start again.");
	}
	let verification: Awaited<ReturnType<typeof verifyRegistrationResponse>>;
	try {
		verification = await verifyRegistrationResponse({
			response: input.credential as RegistrationResponseJSON,
			expectedChallenge: challenge,
			expectedOrigin: rp.origin,
			expectedRPID: rp.id,
			requireUserVerification: false,
		});
	} catch (error) {
		throw passkeyRefused("credential", `The passkey could not be verified: ${error instanceof Error ? error.message : "unknown error"}`);
	}
	if (!verification.verified) throw passkeyRefused("credential", "The passkey could not be verified.");
	const { credential, credentialBackedUp } = verification.registrationInfo;
	const row = {
		id: generatePublicId(),
		userId: user.id,
		credentialId: credential.id,
		publicKey: encodeBase64urlNoPadding(credential.publicKey),
		counter: credential.counter,
		transports: JSON.stringify(input.credential.response.transports ?? []),
		name: input.name,
		rpId: rp.id,
		backedUp: credentialBackedUp,
		createdAt: now,
		lastUsedAt: null,
	};
	try {
		await scope.insert(passkeys, row);
	} catch (error) {
		if (isUniqueViolation(error)) throw problems.conflict("credential", "is already registered");
		throw error;
	}
	refreshCachedUser(scope.tenantId, user.id);
	await recordAudit(scope, {
		action: "passkey.added",
		actor: userActor(user),
		target: { type: "passkey", id: row.id },
		detail: { name: row.name },
		...origin,
	});
	return toPasskeyView(row);
}

/** The stored transports the browser reported, known names only. */
export function parseTransports(json: string | null): string[] {
	try {
		const value: unknown = JSON.parse(json ?? "[]");
		return Array.isArray(value) ? value.filter((t): t is string => typeof t === "string" && KNOWN_TRANSPORTS.has(t)) : [];
	} catch {
		return [];
	}
}
