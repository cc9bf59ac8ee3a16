/**
 * A tenant's messaging settings and the plan gate built on them: a client whose service tier is
 * below `minimumTier` cannot have messages posted in its threads (reading stays open), and gets a
 * 403 `messaging-not-included` problem that says why.
 */
import { eq } from "drizzle-orm";
import type { z } from "zod";
import type { MessagingSettingsDto, UpdateMessagingSettingsBody } from "../../../schema/dto/messaging";
import { messagingSettings } from "../../../schema/index";
import { MESSAGING_DEFAULTS } from "../../../schema/messaging";
import { SERVICE_TIERS, type ServiceTier } from "../../../schema/portal";
import type { TenantScope } from "../../lib/db";
import { Problem } from "../../lib/problem";

export type MessagingSettings = z.infer<typeof MessagingSettingsDto>;

function isTier(value: string | null): value is ServiceTier {
	return value !== null && (SERVICE_TIERS as readonly string[]).includes(value);
}

export async function messagingSettingsOf(scope: TenantScope): Promise<MessagingSettings> {
	const [row] = await messagingSettingsQuery(scope);
	return messagingSettingsOfRow(row);
}

/** The tenant's settings row (none: the defaults apply); for `db.batch` with messagingSettingsOfRow. */
export function messagingSettingsQuery(scope: TenantScope) {
	return scope.db.select().from(messagingSettings).where(eq(messagingSettings.tenantId, scope.tenantId)).limit(1);
}

export function messagingSettingsOfRow(row: typeof messagingSettings.$inferSelect | undefined): MessagingSettings {
	if (!row) return { ...MESSAGING_DEFAULTS };
	return { minimumTier: isTier(row.minimumTier) ? row.minimumTier : null, unreadEmailMinutes: row.unreadEmailMinutes };
}

export async function updateMessagingSettings(
	scope: TenantScope,
	input: z.infer<typeof UpdateMessagingSettingsBody>,
	now = Date.now(),
): Promise<MessagingSettings> {
	const next = { ...(await messagingSettingsOf(scope)), ...input };
	await scope.db
		.insert(messagingSettings)
		.values({ tenantId: scope.tenantId, minimumTier: next.minimumTier, unreadEmailMinutes: next.unreadEmailMinutes, updatedAt: now })
		.onConflictDoUpdate({
			target: messagingSettings.tenantId,
			set: { minimumTier: next.minimumTier, unreadEmailMinutes: next.unreadEmailMinutes, updatedAt: now },
		});
	return next;
}

/** Why a client on `tier` cannot message under `settings`, or null when it can. */
export function messagingBlockedReason(settings: MessagingSettings, tier: string): string | null {
	if (settings.minimumTier === null) return null;
	const rank = (t: string) => (SERVICE_TIERS as readonly string[]).indexOf(t);
	if (rank(tier) >= rank(settings.minimumTier)) return null;
	return `Messaging is included from the ${settings.minimumTier} service tier; this client is on ${tier}.`;
}

export function messagingNotIncluded(reason: string): Problem {
	return new Problem(403, "messaging-not-included", "Messaging is not part of this client's service", reason, {
		errors: [{ path: "client.tier", message: reason }],
	});
}
