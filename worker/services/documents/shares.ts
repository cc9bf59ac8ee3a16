/**
 * Share links of a document: signed, expiring, optionally password-protected (Argon2id hash; guesses
 * rate-limited per link in TenantGate), counted on each download, revocable. A link always serves the
 * document's current version. Anything wrong with a link (unknown, bad signature, expired, revoked,
 * another agency's) answers the same 404.
 */
import { desc, eq, isNull, sql } from "drizzle-orm";
import { type DocumentShareRow, documentShares, documents, documentVersions } from "../../../schema/index";
import { RATE_RULES } from "../../../schema/rate-limits";
import type { TenantScope } from "../../lib/db";
import { newId } from "../../lib/ids";
import { hashPassword, verifyPassword } from "../../lib/passwords";
import { Problem, problems } from "../../lib/problem";
import type { ClientAccess } from "../portal/client-access";
import { type GateNamespace, retryAfterSeconds, takeTokens } from "../security/rate-limits";
import { getVisibleDocument } from "./access";
import { shareIdOf, signShareToken, verifyShareToken } from "./share-token";

const HOUR_MS = 60 * 60 * 1000;

export function toShareDto(row: DocumentShareRow) {
	return {
		id: row.id,
		documentId: row.documentId,
		expiresAt: row.expiresAt,
		hasPassword: row.passwordHash !== null,
		downloadCount: row.downloadCount,
		revokedAt: row.revokedAt,
		createdAt: row.createdAt,
	};
}

export async function createShare(
	scope: TenantScope,
	access: ClientAccess,
	secret: string,
	input: { documentId: string; expiresInHours: number; password?: string; userId: string | null; origin: string },
	now = Date.now(),
) {
	const document = await getVisibleDocument(scope, access, input.documentId);
	const id = newId(now);
	const expiresAt = now + input.expiresInHours * HOUR_MS;
	const [row] = await scope
		.insert(documentShares, {
			id,
			documentId: document.id,
			expiresAt,
			passwordHash: input.password ? await hashPassword(input.password) : null,
			createdBy: input.userId,
			createdAt: now,
		})
		.returning();
	if (!row) throw new Error("share insert returned nothing");
	const token = await signShareToken(secret, scope.tenantId, id, expiresAt);
	return { ...toShareDto(row), token, url: `${input.origin}/s/${token}` };
}

export async function listShares(scope: TenantScope, access: ClientAccess, documentId: string) {
	const document = await getVisibleDocument(scope, access, documentId);
	const rows = await scope.db
		.select()
		.from(documentShares)
		.where(scope.where(documentShares, eq(documentShares.documentId, document.id)))
		.orderBy(desc(documentShares.createdAt));
	return rows.map(toShareDto);
}

/** Revokes a link (again: no change). Returns the share. */
export async function revokeShare(scope: TenantScope, access: ClientAccess, shareId: string, now = Date.now()) {
	const [row] = await scope.db
		.select()
		.from(documentShares)
		.where(scope.where(documentShares, eq(documentShares.id, shareId)))
		.limit(1);
	if (!row) throw problems.notFound("There is no share link with this id.");
	await getVisibleDocument(scope, access, row.documentId).catch(() => {
		throw problems.notFound("There is no share link with this id.");
	});
	if (row.revokedAt !== null) return toShareDto(row);
	const [updated] = await scope.update(documentShares, { revokedAt: now }, eq(documentShares.id, shareId)).returning();
	return toShareDto(updated ?? row);
}

const GONE = "This link does not exist, has expired or was revoked.";

/** The live share a token names on this tenant, with its document's current version; 404 otherwise. */
export async function resolveShare(scope: TenantScope, secret: string, token: string, now = Date.now()) {
	const id = shareIdOf(token);
	if (!id) throw problems.notFound(GONE);
	const [row] = await scope.db
		.select({ share: documentShares, name: documents.name, version: documentVersions })
		.from(documentShares)
		.innerJoin(documents, eq(documents.id, documentShares.documentId))
		.innerJoin(documentVersions, eq(documentVersions.id, documents.currentVersionId))
		.where(scope.where(documentShares, eq(documentShares.id, id), isNull(documents.deletedAt), eq(documents.tenantId, scope.tenantId)))
		.limit(1);
	if (!row || row.share.revokedAt !== null || row.share.expiresAt <= now) throw problems.notFound(GONE);
	if (!(await verifyShareToken(secret, token, scope.tenantId, row.share.expiresAt))) throw problems.notFound(GONE);
	return row;
}

/** Checks the password (when the link has one; guesses rate-limited) and counts the download. */
export async function authorizeShareDownload(
	scope: TenantScope,
	gates: GateNamespace,
	share: DocumentShareRow,
	password: string | undefined,
): Promise<void> {
	if (share.passwordHash) {
		const limit = await takeTokens(gates, scope.tenantId, [{ key: `share-password:${share.id}`, rule: RATE_RULES.sharePasswordGuesses }]);
		if (!limit.allowed) throw problems.rateLimited(retryAfterSeconds(limit), "Too many wrong passwords for this link. Try again later.");
		if (!password || !(await verifyPassword(share.passwordHash, password))) {
			throw new Problem(401, "share-password", "Password needed", "This link needs the right password.", {
				errors: [{ path: "password", message: password ? "is not right" : "is required" }],
			});
		}
	}
	await scope.db
		.update(documentShares)
		.set({ downloadCount: sql`${documentShares.downloadCount} + 1` })
		.where(scope.where(documentShares, eq(documentShares.id, share.id)));
}
