/** The "Onboarding" folder of a client's documents, where questionnaire files and requested documents are uploaded. */
import { and, eq, isNull } from "drizzle-orm";
import { documentFolders } from "../../../schema/index";
import { ONBOARDING_FOLDER_NAME } from "../../../schema/onboarding";
import type { TenantScope } from "../../lib/db";
import { newId } from "../../lib/ids";

/** The id of the client's live top-level Onboarding folder, made when missing. */
export async function ensureOnboardingFolder(scope: TenantScope, clientId: string, now = Date.now()): Promise<string> {
	const find = async () => {
		const [row] = await scope.db
			.select({ id: documentFolders.id })
			.from(documentFolders)
			.where(
				scope.where(
					documentFolders,
					and(
						eq(documentFolders.clientId, clientId),
						isNull(documentFolders.parentId),
						eq(documentFolders.name, ONBOARDING_FOLDER_NAME),
						isNull(documentFolders.deletedAt),
					),
				),
			)
			.orderBy(documentFolders.id)
			.limit(1);
		return row?.id ?? null;
	};
	const existing = await find();
	if (existing) return existing;
	await scope.insert(documentFolders, {
		id: newId(now),
		clientId,
		parentId: null,
		name: ONBOARDING_FOLDER_NAME,
		createdAt: now,
		updatedAt: now,
	});
	return (await find()) ?? "";
}
