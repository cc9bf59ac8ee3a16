/**
 * Links between a tenant's users and their provider accounts: find the user a provider identity
 * signs in as (an existing link, else a member with the same VERIFIED email, which creates the
 * link), link from the account page, list and unlink. The last way to sign in cannot be unlinked.
 */
import { and, asc, eq } from "drizzle-orm";
import { type OAuthProvider, oauthAccounts } from "../../../schema/index";
import type { SessionAuth } from "../../env";
import type { TenantScope } from "../../lib/db";
import { isUniqueViolation } from "../../lib/db-errors";
import { newId } from "../../lib/ids";
import { problems } from "../../lib/problem";
import { recordAudit, userActor } from "../audit/audit-log";
import { normalizeEmail } from "../auth/sign-up";
import { countSignInWays } from "../passkeys/sign-in-ways";
import type { RequestOrigin } from "../sessions/sessions";
import { findMemberByEmail, findMemberById, type MemberAccount } from "../team/members";
import type { ProviderIdentity } from "./provider-identity";

/** Why a provider identity could not be used; the PWA shows a sentence for each. */
export type OAuthRefusal = "unverified-email" | "no-account" | "already-linked" | "wrong-account";

export type LinkedAccountView = { provider: OAuthProvider; email: string; createdAt: number; lastUsedAt: number | null };

async function insertLink(
	scope: TenantScope,
	userId: string,
	provider: OAuthProvider,
	identity: ProviderIdentity & { email: string },
	now: number,
) {
	await scope.insert(oauthAccounts, {
		id: newId(now),
		userId,
		provider,
		providerUserId: identity.subject,
		email: identity.email,
		createdAt: now,
		lastUsedAt: now,
	});
}

/** The member a provider identity signs in as on this tenant, linking by verified email on first use. */
export async function memberForIdentity(
	scope: TenantScope,
	provider: OAuthProvider,
	identity: ProviderIdentity,
	origin: RequestOrigin,
	now = Date.now(),
): Promise<{ account: MemberAccount } | { refused: OAuthRefusal }> {
	const [link] = await scope.db
		.select({ id: oauthAccounts.id, userId: oauthAccounts.userId })
		.from(oauthAccounts)
		.where(scope.where(oauthAccounts, eq(oauthAccounts.provider, provider), eq(oauthAccounts.providerUserId, identity.subject)))
		.limit(1);
	if (link) {
		const account = await findMemberById(scope, link.userId);
		if (!account) return { refused: "no-account" };
		await scope.update(oauthAccounts, { lastUsedAt: now }, eq(oauthAccounts.id, link.id));
		return { account };
	}
	if (!identity.email || !identity.emailVerified) return { refused: "unverified-email" };
	const account = await findMemberByEmail(scope, normalizeEmail(identity.email));
	if (!account) return { refused: "no-account" };
	try {
		await insertLink(scope, account.id, provider, { ...identity, email: identity.email }, now);
	} catch (error) {
		// The user already has another account of this provider linked: it must be that one.
		if (isUniqueViolation(error)) return { refused: "already-linked" };
		throw error;
	}
	await recordAudit(scope, {
		action: "oauth.linked",
		actor: userActor(account),
		target: { type: "user", id: account.id },
		detail: { provider, email: identity.email, by: "verified_email" },
		...origin,
	});
	return { account };
}

/** Links a provider identity to the signed-in user (from the account page). */
export async function linkIdentity(
	scope: TenantScope,
	user: { id: string; email: string },
	provider: OAuthProvider,
	identity: ProviderIdentity,
	origin: RequestOrigin,
	now = Date.now(),
): Promise<OAuthRefusal | null> {
	if (!identity.email || !identity.emailVerified) return "unverified-email";
	try {
		await insertLink(scope, user.id, provider, { ...identity, email: identity.email }, now);
	} catch (error) {
		if (isUniqueViolation(error)) return "already-linked";
		throw error;
	}
	await recordAudit(scope, {
		action: "oauth.linked",
		actor: userActor(user),
		target: { type: "user", id: user.id },
		detail: { provider, email: identity.email, by: "account_page" },
		...origin,
	});
	return null;
}

export async function listLinkedAccounts(scope: TenantScope, userId: string): Promise<LinkedAccountView[]> {
	return scope.db
		.select({
			provider: oauthAccounts.provider,
			email: oauthAccounts.email,
			createdAt: oauthAccounts.createdAt,
			lastUsedAt: oauthAccounts.lastUsedAt,
		})
		.from(oauthAccounts)
		.where(scope.where(oauthAccounts, eq(oauthAccounts.userId, userId)))
		.orderBy(asc(oauthAccounts.createdAt));
}

export async function unlinkProvider(scope: TenantScope, auth: SessionAuth, provider: OAuthProvider, origin: RequestOrigin): Promise<void> {
	const [link] = await scope.db
		.select({ id: oauthAccounts.id, email: oauthAccounts.email })
		.from(oauthAccounts)
		.where(scope.where(oauthAccounts, and(eq(oauthAccounts.userId, auth.user.id), eq(oauthAccounts.provider, provider))))
		.limit(1);
	if (!link) throw problems.notFound(`No ${provider} account is linked to yours.`);
	if ((await countSignInWays(scope, auth.user.id)) <= 1) {
		throw problems.conflict("provider", "is your only way to sign in; set a password or add a passkey first");
	}
	await scope.delete(oauthAccounts, eq(oauthAccounts.id, link.id));
	await recordAudit(scope, {
		action: "oauth.unlinked",
		actor: userActor(auth.user),
		target: { type: "user", id: auth.user.id },
		detail: { provider, email: link.email },
		...origin,
	});
}
