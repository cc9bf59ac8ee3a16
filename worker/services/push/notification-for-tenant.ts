/** Dresses a push message in its agency's identity: the notification is shown under the agency's name and icon. */
import { eq } from "drizzle-orm";
import type { PushNotification } from "../../../schema/dto/push";
import { tenants } from "../../../schema/index";
import type { PushMessageContent } from "../../../schema/jobs";
import type { Database } from "../../env";

/** The icon every tenant's manifest names today (per-tenant icons come with branding). */
export const NOTIFICATION_ICON = "/icons/icon-192.png";

export async function notificationForTenant(db: Database, tenantId: string, message: PushMessageContent): Promise<PushNotification | null> {
	const [tenant] = await db.select({ name: tenants.name }).from(tenants).where(eq(tenants.id, tenantId)).limit(1);
	if (!tenant) return null;
	return { ...message, tenantName: tenant.name, icon: NOTIFICATION_ICON };
}
