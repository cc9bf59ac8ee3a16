/** A deal's stage history: the rows recording each stage entered (insert statements sized for D1), and a deal's history read back. */
import { asc, eq } from "drizzle-orm";
import { crmDealStageHistory } from "../../../../schema/index";
import { chunked } from "../../../lib/chunks";
import type { TenantScope } from "../../../lib/db";
import { newId } from "../../../lib/ids";

export type StageEntry = { dealId: string; fromStageId: string | null; toStageId: string };

/** Seven parameters a row: 14 rows stay under D1's 100 bound parameters a statement. */
const ROWS_PER_INSERT = 14;

/** Insert statements (for a batch) recording that each deal of `entries` entered its stage at `at`, by `byUserId`. */
export function stageHistoryInserts(scope: TenantScope, entries: readonly StageEntry[], at: number, byUserId: string | null) {
	return chunked(entries, ROWS_PER_INSERT).map((slice) =>
		scope.db.insert(crmDealStageHistory).values(slice.map((e) => ({ ...e, id: newId(at), tenantId: scope.tenantId, at, byUserId }))),
	);
}

/** A deal's stage changes, oldest first. */
export async function historyOf(scope: TenantScope, dealId: string) {
	return scope.db
		.select({
			fromStageId: crmDealStageHistory.fromStageId,
			toStageId: crmDealStageHistory.toStageId,
			at: crmDealStageHistory.at,
			byUserId: crmDealStageHistory.byUserId,
		})
		.from(crmDealStageHistory)
		.where(scope.where(crmDealStageHistory, eq(crmDealStageHistory.dealId, dealId)))
		.orderBy(asc(crmDealStageHistory.at), asc(crmDealStageHistory.id));
}
