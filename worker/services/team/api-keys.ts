/**
 * API keys of a tenant: create (scopes within the creator's permissions; the key is returned once),
 * list, revoke, and authenticate a Bearer key. A key acts with its scopes, cut down to what its
 * creator may still do; it stops when revoked, expired, or its creator leaves the agency.
 */
import { and, desc, eq, isNull, lte, or } from "drizzle-orm";
import type { ApiKeyView, CreateApiKeyBody, CreatedApiKey } from "../../../schema/dto/api-keys";
import { apiKeys, memberships, roles, users } from "../../../schema/index";
import { effectivePermissions, isPermission, type Permission, sortPermissions } from "../../../schema/permissions";
import type { ApiKeyAuth, AuthContext } from "../../env";
import { generateApiKey, hashApiKeySecret, parseApiKey, secretMatches } from "../../lib/api-key-token";
import type { TenantScope } from "../../lib/db";
import { newId } from "../../lib/ids";
import { problems } from "../../lib/problem";
import { actorOf, recordAudit } from "../audit/audit-log";
import type { RequestOrigin } from "../sessions/sessions";
import { parsePermissionList } from "./members";
import { assertMayGrant } from "./privileges";

/** `last_used_at` is written at most this often. */
export const LAST_USED_GRANULARITY_MS = 60_000;

type Deps = { scope: TenantScope; actor: AuthContext; origin: RequestOrigin };
type ApiKeyRow = typeof apiKeys.$inferSelect;

function scopesOf(row: Pick<ApiKeyRow, "scopes">): Permission[] {
	return sortPermissions((parsePermissionList(row.scopes) ?? []).filter(isPermission));
}

function toView(row: ApiKeyRow): ApiKeyView {
	return {
		id: row.id,
		name: row.name,
		prefix: row.prefix,
		scopes: scopesOf(row),
		createdBy: row.createdByLabel,
		createdAt: row.createdAt,
		expiresAt: row.expiresAt,
		lastUsedAt: row.lastUsedAt,
		lastUsedIp: row.lastUsedIp,
	};
}

export async function createApiKey(deps: Deps, body: CreateApiKeyBody, now = Date.now()): Promise<CreatedApiKey> {
	assertMayGrant(deps.actor, body.scopes, "scopes");
	if (body.expiresAt !== undefined && body.expiresAt <= now) {
		throw problems.validation([{ path: "expiresAt", message: "must be in the future" }]);
	}
	const generated = generateApiKey();
	const row: ApiKeyRow = {
		id: newId(now),
		tenantId: deps.scope.tenantId,
		name: body.name,
		prefix: generated.prefix,
		secretHash: hashApiKeySecret(generated.secret),
		scopes: JSON.stringify(body.scopes),
		createdByUserId: deps.actor.user.id,
		createdByLabel: actorOf(deps.actor).label,
		createdAt: now,
		expiresAt: body.expiresAt ?? null,
		revokedAt: null,
		lastUsedAt: null,
		lastUsedIp: null,
	};
	const { tenantId: _tenant, ...values } = row;
	await deps.scope.insert(apiKeys, values);
	await recordAudit(deps.scope, {
		action: "api_key.created",
		actor: actorOf(deps.actor),
		target: { type: "api_key", id: row.id },
		detail: { name: row.name, prefix: row.prefix, scopes: body.scopes.join(" "), expiresAt: row.expiresAt },
		...deps.origin,
	});
	return { apiKey: toView(row), key: generated.key };
}

/** Keys not revoked (expired ones included, so people see why a key stopped), newest first. */
export async function listApiKeys(scope: TenantScope): Promise<ApiKeyView[]> {
	const rows = await scope.db
		.select()
		.from(apiKeys)
		.where(scope.where(apiKeys, isNull(apiKeys.revokedAt)))
		.orderBy(desc(apiKeys.createdAt))
		.limit(500);
	return rows.map(toView);
}

export async function revokeApiKey(deps: Deps, id: string, now = Date.now()): Promise<void> {
	const revoked = await deps.scope
		.update(apiKeys, { revokedAt: now }, eq(apiKeys.id, id), isNull(apiKeys.revokedAt))
		.returning({ name: apiKeys.name, prefix: apiKeys.prefix });
	const key = revoked[0];
	if (!key) throw problems.notFound("There is no such API key in this agency.");
	await recordAudit(deps.scope, {
		action: "api_key.revoked",
		actor: actorOf(deps.actor),
		target: { type: "api_key", id },
		detail: { name: key.name, prefix: key.prefix },
		...deps.origin,
	});
}

/** The AuthContext a Bearer key opens on this tenant, or null (unknown, wrong secret, revoked, expired, creator gone). */
export async function authenticateApiKey(scope: TenantScope, key: string, ip: string | null, now = Date.now()): Promise<ApiKeyAuth | null> {
	const parsed = parseApiKey(key);
	if (!parsed) return null;
	const [row] = await scope.db
		.select({
			key: apiKeys,
			userId: users.id,
			email: users.email,
			name: users.name,
			role: memberships.role,
			customRoleId: memberships.customRoleId,
			customPermissions: roles.permissions,
		})
		.from(apiKeys)
		.innerJoin(memberships, and(eq(memberships.userId, apiKeys.createdByUserId), eq(memberships.tenantId, apiKeys.tenantId)))
		.innerJoin(users, and(eq(users.id, memberships.userId), eq(users.tenantId, memberships.tenantId)))
		.leftJoin(roles, and(eq(roles.id, memberships.customRoleId), eq(roles.tenantId, memberships.tenantId)))
		.where(scope.where(apiKeys, eq(apiKeys.prefix, parsed.prefix)))
		.limit(1);
	if (!row || !secretMatches(parsed.secret, row.key.secretHash)) return null;
	if (row.key.revokedAt !== null || (row.key.expiresAt !== null && row.key.expiresAt <= now)) return null;
	const creator = effectivePermissions(row.role, parsePermissionList(row.customPermissions));
	const permissions = new Set(scopesOf(row.key).filter((p) => creator.has(p)));
	if (row.key.lastUsedAt === null || now - row.key.lastUsedAt >= LAST_USED_GRANULARITY_MS) {
		await scope.update(
			apiKeys,
			{ lastUsedAt: now, lastUsedIp: ip },
			eq(apiKeys.id, row.key.id),
			or(isNull(apiKeys.lastUsedAt), lte(apiKeys.lastUsedAt, now - LAST_USED_GRANULARITY_MS)),
		);
	}
	return {
		via: "api-key",
		apiKey: { id: row.key.id, prefix: row.key.prefix },
		tenantId: scope.tenantId,
		user: { id: row.userId, email: row.email, name: row.name },
		role: row.role,
		customRoleId: row.customRoleId,
		permissions,
	};
}
