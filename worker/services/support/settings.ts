/**
 * A tenant's support settings: the hours within which the agency answers a new ticket per client
 * service tier, and which survey (if any) a completed milestone asks the client.
 */
import { eq } from "drizzle-orm";
import type { z } from "zod";
import type { SupportSettingsDto, UpdateSupportSettingsBody } from "../../../schema/dto/support";
import { supportSettings } from "../../../schema/index";
import { SERVICE_TIERS, type ServiceTier } from "../../../schema/portal";
import { DEFAULT_RESPONSE_TARGET_HOURS } from "../../../schema/support";
import type { TenantScope } from "../../lib/db";

export type SupportSettings = z.infer<typeof SupportSettingsDto>;

const HOUR = 60 * 60 * 1000;

function parseTargets(json: string): Record<ServiceTier, number> {
	const targets = { ...DEFAULT_RESPONSE_TARGET_HOURS };
	try {
		const value: unknown = JSON.parse(json);
		if (value && typeof value === "object") {
			for (const tier of SERVICE_TIERS) {
				const hours = (value as Record<string, unknown>)[tier];
				if (typeof hours === "number" && hours > 0) targets[tier] = hours;
			}
		}
	} catch {
		// a damaged row falls back to the defaults
	}
	return targets;
}

export async function supportSettingsOf(scope: TenantScope): Promise<SupportSettings> {
	const [row] = await scope.db.select().from(supportSettings).where(eq(supportSettings.tenantId, scope.tenantId)).limit(1);
	if (!row) return { responseTargetHours: { ...DEFAULT_RESPONSE_TARGET_HOURS }, surveyMode: "off" };
	return { responseTargetHours: parseTargets(row.responseTargetHours), surveyMode: row.surveyMode };
}

export async function updateSupportSettings(
	scope: TenantScope,
	input: z.infer<typeof UpdateSupportSettingsBody>,
	now = Date.now(),
): Promise<SupportSettings> {
	const current = await supportSettingsOf(scope);
	const next: SupportSettings = {
		responseTargetHours: { ...current.responseTargetHours, ...input.responseTargetHours },
		surveyMode: input.surveyMode ?? current.surveyMode,
	};
	const values = { responseTargetHours: JSON.stringify(next.responseTargetHours), surveyMode: next.surveyMode, updatedAt: now };
	await scope.db
		.insert(supportSettings)
		.values({ tenantId: scope.tenantId, ...values })
		.onConflictDoUpdate({ target: supportSettings.tenantId, set: values });
	return next;
}

/** When a ticket opened at `openedAt` by a client on `tier` is due its first reply (unknown tiers count as standard). */
export function responseDueAt(settings: SupportSettings, tier: string, openedAt: number): number {
	const known = (SERVICE_TIERS as readonly string[]).includes(tier) ? (tier as ServiceTier) : "standard";
	return openedAt + settings.responseTargetHours[known] * HOUR;
}
