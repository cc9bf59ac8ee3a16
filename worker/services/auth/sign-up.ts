/**
 * Agency sign-up on the platform host: one batch creates the tenant, its sub-domain, the owner and
 * their membership, a one-time hand-off token that signs the owner in on the tenant host, and (with a
 * valid referral code) the referral that attributes the new agency to its referrer.
 */
import type { MeResponse, SignupBody, TenantSummary } from "../../../schema/dto/auth";
import { handoffTokens, memberships, tenantDomains, tenants, users } from "../../../schema/index";
import { isReservedSlug } from "../../../schema/reserved-slugs";
import type { Database } from "../../env";
import { newId } from "../../lib/ids";
import { hashPassword } from "../../lib/passwords";
import { problems } from "../../lib/problem";
import { generateToken, tokenId } from "../../lib/tokens";
import { attributionInsert, resolveReferral } from "../billing/referrals";
import { isSlugTaken } from "../tenants/tenants";

export const HANDOFF_TTL_MS = 2 * 60 * 1000;

export type SignUpResult = { tenant: TenantSummary; owner: MeResponse["user"]; handoffToken: string };

export async function signUpAgency(db: Database, input: SignupBody & { platformDomain: string }, now = Date.now()): Promise<SignUpResult> {
	// The DTO refuses these too; checked here as well so no other caller can create one.
	if (isReservedSlug(input.slug)) throw problems.validation([{ path: "slug", message: "is reserved" }]);
	if (await isSlugTaken(db, input.slug)) throw problems.conflict("slug", "is already taken");
	const referral = input.referralCode
		? await resolveReferral(db, { code: input.referralCode, landing: input.referralLanding, email: input.email }, now)
		: null;
	const tenant: TenantSummary = { id: newId(now), slug: input.slug, name: input.agencyName };
	const owner = { id: newId(now), email: input.email, name: input.name };
	const handoffToken = generateToken();
	const passwordHash = await hashPassword(input.password);
	try {
		await db.batch([
			db.insert(tenants).values({ ...tenant, status: "active", createdAt: now, updatedAt: now }),
			db.insert(tenantDomains).values({
				id: newId(now),
				tenantId: tenant.id,
				hostname: `${input.slug}.${input.platformDomain}`,
				kind: "subdomain",
				verified: true,
				primary: true,
				verifiedAt: now,
				createdAt: now,
			}),
			db.insert(users).values({
				...owner,
				tenantId: tenant.id,
				emailNormalized: normalizeEmail(input.email),
				passwordHash,
				createdAt: now,
				updatedAt: now,
			}),
			db.insert(memberships).values({ tenantId: tenant.id, userId: owner.id, role: "owner", createdAt: now }),
			db.insert(handoffTokens).values({
				id: tokenId(handoffToken),
				tenantId: tenant.id,
				userId: owner.id,
				expiresAt: now + HANDOFF_TTL_MS,
				createdAt: now,
			}),
			...(referral ? [attributionInsert(db, tenant.id, referral, now)] : []),
		]);
	} catch (error) {
		// Two sign-ups raced for the slug: the unique index decided, and nothing of the loser was written.
		if (String(error).includes("UNIQUE constraint failed")) throw problems.conflict("slug", "is already taken");
		throw error;
	}
	return { tenant, owner, handoffToken };
}

/** The sign-in key of an email: trimmed and lower-cased. */
export function normalizeEmail(email: string): string {
	return email.trim().toLowerCase();
}
