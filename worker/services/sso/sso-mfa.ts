/**
 * Whether an IdP's id_token says the person used more than one factor: an `amr` value (RFC 8176)
 * that names a second factor, or an `acr` that means multi-factor. When it does not, the agency's
 * second step (TOTP, recovery code or passkey) is still asked for after SSO, as after a password.
 */
import type { JWTPayload } from "jose";

/** RFC 8176 methods that are a second factor or multi-factor on their own. */
const MFA_AMR = new Set(["mfa", "otp", "hwk", "sms", "tel", "sc"]);

/** `acr` values that mean multi-factor: OpenID PAPE's, and the phishing-resistant ones Okta and others send. */
const MFA_ACR = new Set(["http://schemas.openid.net/pape/policies/2007/06/multi-factor", "phr", "phrh"]);

export function idpAssertsMfa(claims: JWTPayload): boolean {
	const amr = Array.isArray(claims.amr) ? claims.amr.filter((v): v is string => typeof v === "string") : [];
	if (amr.some((method) => MFA_AMR.has(method))) return true;
	return typeof claims.acr === "string" && MFA_ACR.has(claims.acr);
}
