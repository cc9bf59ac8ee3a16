/**
 * Test helper: agencies (tenants) for worker tests. The tests of one file share storage, so every
 * test signs up its own agencies under `uniqueSlug(...)` and never reuses a slug, and cross-tenant
 * tests create both tenants fresh. Signing up and signing in go through the real API.
 */
import { type Agency, signUpAgency } from "../worker/helpers";

export { type Agency, hostOf, logIn, PASSWORD, PLATFORM, signUpAgency } from "../worker/helpers";

/** Random per file (module instance), so two files sharing one storage never collide either. */
const RUN = (crypto.getRandomValues(new Uint32Array(1))[0] ?? 0).toString(36).slice(0, 6);
let counter = 0;

/** A slug no other test of the run uses: `base` (cut to 20 characters) plus a random and a counted part, e.g. `acme-k3x9q2-7`. */
export function uniqueSlug(base: string): string {
	counter += 1;
	return `${base.slice(0, 20).replace(/-+$/, "")}-${RUN}-${counter.toString(36)}`;
}

/** Signs up a fresh agency under `uniqueSlug(base)`; its owner's email is `owner@<slug>.test` unless overridden. */
export function signUpUniqueAgency(base: string, overrides: Parameters<typeof signUpAgency>[1] = {}): Promise<Agency> {
	return signUpAgency(uniqueSlug(base), overrides);
}
