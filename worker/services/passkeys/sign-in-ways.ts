/** How many independent ways an account has to sign in (its password, each passkey, each linked provider). */
import { count, eq } from "drizzle-orm";
import { oauthAccounts, passkeys, users } from "../../../schema/index";
import type { TenantScope } from "../../lib/db";

export async function countSignInWays(scope: TenantScope, userId: string): Promise<number> {
	const [[user], keys, [links]] = await Promise.all([
		scope.db
			.select({ passwordHash: users.passwordHash })
			.from(users)
			.where(scope.where(users, eq(users.id, userId)))
			.limit(1),
		countPasskeys(scope, userId),
		scope.db
			.select({ n: count() })
			.from(oauthAccounts)
			.where(scope.where(oauthAccounts, eq(oauthAccounts.userId, userId))),
	]);
	return (user?.passwordHash ? 1 : 0) + keys + (links?.n ?? 0);
}

export async function countPasskeys(scope: TenantScope, userId: string): Promise<number> {
	const [row] = await scope.db
		.select({ n: count() })
		.from(passkeys)
		.where(scope.where(passkeys, eq(passkeys.userId, userId)));
	return row?.n ?? 0;
}
