/**
 * The devices a user has signed in from, as a fingerprint of browser family, system and network
 * prefix (IPv4 /24, IPv6 /48). A successful sign-in from a fingerprint the user has not used before
 * (and who has signed in before) is a "new device" and earns an email alert.
 */
import { and, eq, ne } from "drizzle-orm";
import { knownDevices } from "../../../schema/index";
import type { TenantScope } from "../../lib/db";
import { ipPrefix } from "../../lib/ip-prefix";
import { tokenId } from "../../lib/tokens";
import { describeUserAgent } from "../../lib/user-agent";
import type { RequestOrigin } from "../sessions/sessions";

export function deviceFingerprint(origin: RequestOrigin): string {
	const { browser, os } = describeUserAgent(origin.userAgent);
	return tokenId(`${browser ?? "?"}|${os ?? "?"}|${ipPrefix(origin.ip)}`);
}

/** Records the device; true when it is new for a user who has signed in from elsewhere before. */
export async function noteDevice(scope: TenantScope, userId: string, origin: RequestOrigin, now = Date.now()): Promise<boolean> {
	const fingerprint = deviceFingerprint(origin);
	const inserted = await scope
		.insert(knownDevices, { userId, fingerprint, firstSeenAt: now, lastSeenAt: now })
		.onConflictDoUpdate({
			target: [knownDevices.tenantId, knownDevices.userId, knownDevices.fingerprint],
			set: { lastSeenAt: now },
		})
		.returning({ firstSeenAt: knownDevices.firstSeenAt });
	if (inserted[0]?.firstSeenAt !== now) return false;
	const [other] = await scope.db
		.select({ fingerprint: knownDevices.fingerprint })
		.from(knownDevices)
		.where(scope.where(knownDevices, and(eq(knownDevices.userId, userId), ne(knownDevices.fingerprint, fingerprint))))
		.limit(1);
	return other !== undefined;
}
