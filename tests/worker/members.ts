/** Test data: members of other roles, written as the invitation flow (a later issue) will write them. */
import { env } from "cloudflare:workers";
import { memberships, users } from "../../schema/index";
import type { Role } from "../../schema/permissions";
import { createDb } from "../../worker/lib/db";
import { newId } from "../../worker/lib/ids";
import { applyPasswordCost, hashPassword } from "../../worker/lib/passwords";
import { PASSWORD } from "../support/agencies";

export async function addMember(tenantId: string, role: Role, email: string): Promise<string> {
	const db = createDb(env.DB);
	const now = Date.now();
	const id = newId(now);
	applyPasswordCost(env);
	await db.batch([
		db.insert(users).values({
			id,
			tenantId,
			email,
			emailNormalized: email.toLowerCase(),
			name: `${role} person`,
			passwordHash: await hashPassword(PASSWORD),
			createdAt: now,
			updatedAt: now,
		}),
		db.insert(memberships).values({ tenantId, userId: id, role, createdAt: now }),
	]);
	return id;
}
