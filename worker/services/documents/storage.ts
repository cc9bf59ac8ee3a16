/**
 * How documents use storage: every kept version counts towards the plan's `storageBytes`
 * (registered with the entitlements helper), and where each version's bytes live in R2.
 */
import { isNull, sum } from "drizzle-orm";
import { documentVersions } from "../../../schema/index";
import type { TenantScope } from "../../lib/db";
import { assertWithinLimit, registerUsageCounter } from "../billing/entitlements";

/** Bytes of every kept (not deleted) version of every document of the tenant. */
export async function countStoredBytes(scope: TenantScope): Promise<number> {
	const [row] = await scope.db
		.select({ bytes: sum(documentVersions.size) })
		.from(documentVersions)
		.where(scope.where(documentVersions, isNull(documentVersions.deletedAt)));
	return Number(row?.bytes ?? 0);
}

registerUsageCounter("storageBytes", countStoredBytes);

/** 403 `plan-limit-reached` naming `storageBytes` unless `bytes` more fit in the plan. */
export function assertStorageFor(scope: TenantScope, bytes: number): Promise<void> {
	return assertWithinLimit(scope, "storageBytes", bytes);
}

/** The R2 key of a version's bytes (the version id is the upload id), under the tenant's prefix. */
export function documentObjectKey(tenantId: string, versionId: string): string {
	return `tenants/${tenantId}/documents/${versionId}`;
}
