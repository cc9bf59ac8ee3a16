/**
 * The WebAuthn relying party of a request: the tenant host it came to is the RP ID, and its origin
 * the only origin accepted, so a passkey is bound to one agency's address.
 */
import type { Context } from "hono";
import type { AppEnv } from "../env";
import { tenantOf } from "./host-guards";

export type RelyingParty = { id: string; origin: string; name: string };

export function relyingPartyOf(c: Context<AppEnv>): RelyingParty {
	const url = new URL(c.req.url);
	return { id: url.hostname, origin: url.origin, name: tenantOf(c).name };
}
