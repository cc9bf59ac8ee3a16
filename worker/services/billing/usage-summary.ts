/**
 * The Usage page's totals: TenantGate's ledger totals priced in money (usage-money.ts), each person
 * named as this agency knows them and each model as the assistant offers it. Names are read from
 * this tenant's own users only, so a ledger row never reveals anyone else.
 */
import { inArray } from "drizzle-orm";
import { modelLabel } from "../../../schema/ai-models";
import type { CreditTotals, UsageSummary } from "../../../schema/credits";
import { users } from "../../../schema/index";
import { selectInChunks } from "../../lib/chunks";
import type { TenantScope } from "../../lib/db";
import { withMoney } from "./usage-money";

async function peopleNames(scope: TenantScope, ids: readonly string[]): Promise<Map<string, string>> {
	const rows = await selectInChunks([...new Set(ids)], (slice) =>
		scope.db
			.select({ id: users.id, name: users.name })
			.from(users)
			.where(scope.where(users, inArray(users.id, slice))),
	);
	return new Map(rows.map((row) => [row.id, row.name]));
}

export async function usageSummary(scope: TenantScope, totals: CreditTotals): Promise<UsageSummary> {
	const priced = withMoney(totals);
	const userIds = [...totals.byUser, ...totals.breakdown].map((r) => r.userId).filter((id): id is string => id !== null);
	const names = await peopleNames(scope, userIds);
	const nameOf = (userId: string | null) => (userId === null ? null : (names.get(userId) ?? null));
	const labelOf = (model: string | null) => (model === null ? null : modelLabel(model));
	return {
		...priced,
		byUser: priced.byUser.map((row) => ({ ...row, name: nameOf(row.userId) })),
		byModel: priced.byModel.map((row) => ({ ...row, label: labelOf(row.model) })),
		breakdown: priced.breakdown.map((row) => ({ ...row, name: nameOf(row.userId), label: labelOf(row.model) })),
	};
}
