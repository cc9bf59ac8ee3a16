/**
 * Creating an agency on the platform host: the quick checks made before sending (the server's
 * rules decide), the address the agency will get, and the sign-up call itself.
 * Hand-written checks instead of the zod DTO keep zod out of the browser bundle.
 */
import type { SignupBody, SignupResponse } from "../../../schema/dto/auth";
import { REFERRAL_CODE_PATTERN } from "../../../schema/referral-program";
import { isReservedSlug } from "../../../schema/reserved-slugs";
import { api } from "../api/client";
import { readProblem } from "../api/problem";
import { type Result, send } from "../api/request";

/** The form's fields: the body without the landing token, which comes from the stored link. */
export type SignUpField = Exclude<keyof SignupBody, "referralLanding" | "referralLandedAt">;
export type SignUpValues = Record<SignUpField, string>;

export const SIGN_UP_LABELS: Record<SignUpField, string> = {
	agencyName: "Agency name",
	slug: "Address",
	name: "Your name",
	email: "Email",
	password: "Password",
	referralCode: "Referral code (optional)",
};

const SLUG_PATTERN = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/;
const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function normalizeSlug(value: string): string {
	return value.trim().toLowerCase();
}

/** "Lumen Creative Ltd." → "lumen-creative-ltd": a first suggestion for the address. */
export function slugFromName(name: string): string {
	return name
		.normalize("NFKD")
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, "-")
		.replace(/^-+|-+$/g, "")
		.slice(0, 32)
		.replace(/-+$/, "");
}

/** Where the agency's portal will live: `<slug>.<this host>`, e.g. `acme.localhost:8787`. */
export function portalAddress(slug: string): string {
	return `${normalizeSlug(slug) || "your-agency"}.${window.location.host}`;
}

/** Length and shape checks mirroring schema/dto/auth.ts, as raw "must be …" phrases. */
export function checkSignUp(values: SignUpValues): Partial<Record<SignUpField, string>> {
	const errors: Partial<Record<SignUpField, string>> = {};
	const agencyName = values.agencyName.trim();
	if (agencyName.length < 2) errors.agencyName = "must be at least 2 characters";
	else if (agencyName.length > 100) errors.agencyName = "must be at most 100 characters";
	const slug = normalizeSlug(values.slug);
	if (slug.length < 3) errors.slug = "must be at least 3 characters";
	else if (slug.length > 32) errors.slug = "must be at most 32 characters";
	else if (!SLUG_PATTERN.test(slug)) errors.slug = "may contain only lower-case letters, digits and inner hyphens";
	else if (isReservedSlug(slug)) errors.slug = "is reserved";
	const name = values.name.trim();
	if (name.length === 0) errors.name = "is required";
	else if (name.length > 100) errors.name = "must be at most 100 characters";
	const email = values.email.trim();
	if (!EMAIL_PATTERN.test(email) || email.length > 254) errors.email = "must be a valid email address";
	if (values.password.length < 10) errors.password = "must be at least 10 characters";
	else if (values.password.length > 200) errors.password = "must be at most 200 characters";
	const referralCode = values.referralCode.trim();
	if (referralCode !== "" && !REFERRAL_CODE_PATTERN.test(referralCode)) errors.referralCode = "is not a valid referral code";
	return errors;
}

/** Creates the agency and its owner; the answer carries the hand-off link to the agency's own address. */
export async function signUpAgency(values: SignUpValues, referralLanding: string | null): Promise<Result<SignupResponse>> {
	const { referralCode, ...rest } = values;
	const code = referralCode.trim().toUpperCase();
	const body: SignupBody = {
		...rest,
		agencyName: values.agencyName.trim(),
		slug: normalizeSlug(values.slug),
		name: values.name.trim(),
		email: values.email.trim(),
		...(code ? { referralCode: code, ...(referralLanding === null ? {} : { referralLanding }) } : {}),
	};
	const result = await send(() => api.api.v1.auth.signup.$post({ json: body }));
	if (!result.ok) return result;
	if (result.value.status !== 201) return { ok: false, problem: await readProblem(result.value) };
	return { ok: true, value: await result.value.json() };
}
