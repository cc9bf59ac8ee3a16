/** The tenant-scoped data helper: what one tenant's scope reads, changes and deletes never includes another tenant's rows. */

import { env } from "cloudflare:workers";
import { eq, inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { sessions } from "../../schema/index";
import { createDb, tenantScope } from "../../worker/lib/db";
import { signUpUniqueAgency } from "../support/agencies";

describe("tenantScope", () => {
	it("confines updates and deletes to its own tenant even when the condition matches everything", async () => {
		const acme = await signUpUniqueAgency("acme");
		const beta = await signUpUniqueAgency("beta");
		const db = createDb(env.DB);
		const acmeScope = tenantScope(db, acme.tenantId);

		await acmeScope.update(sessions, { ip: "10.0.0.1" });
		const ips = await env.DB.prepare("SELECT tenant_id, ip FROM sessions WHERE tenant_id IN (?, ?) ORDER BY tenant_id")
			.bind(acme.tenantId, beta.tenantId)
			.all<{
				tenant_id: string;
				ip: string | null;
			}>();
		expect(ips.results.find((r) => r.tenant_id === acme.tenantId)?.ip).toBe("10.0.0.1");
		expect(ips.results.find((r) => r.tenant_id === beta.tenantId)?.ip).not.toBe("10.0.0.1");

		const deleted = await acmeScope.delete(sessions).returning({ tenantId: sessions.tenantId });
		expect(deleted.map((d) => d.tenantId)).toEqual([acme.tenantId]);
		const left = await db
			.select({ tenantId: sessions.tenantId })
			.from(sessions)
			.where(inArray(sessions.tenantId, [acme.tenantId, beta.tenantId]));
		expect(left).toEqual([{ tenantId: beta.tenantId }]);
	});

	it("adds its tenant to every condition and every insert", async () => {
		const acme = await signUpUniqueAgency("acme");
		const beta = await signUpUniqueAgency("beta");
		const db = createDb(env.DB);
		const betaRows = await db.select().from(sessions).where(tenantScope(db, beta.tenantId).where(sessions));
		expect(betaRows.every((r) => r.tenantId === beta.tenantId)).toBe(true);
		const crossRead = await db
			.select()
			.from(sessions)
			.where(tenantScope(db, beta.tenantId).where(sessions, eq(sessions.userId, acme.owner.id)));
		expect(crossRead).toEqual([]);

		const newId = crypto.randomUUID();
		await tenantScope(db, acme.tenantId).insert(sessions, {
			id: newId,
			userId: acme.owner.id,
			expiresAt: Date.now() + 1000,
			createdAt: Date.now(),
			lastSeenAt: Date.now(),
			ip: null,
			userAgent: null,
		});
		const [inserted] = await db.select().from(sessions).where(eq(sessions.id, newId));
		expect(inserted?.tenantId).toBe(acme.tenantId);
	});
});
