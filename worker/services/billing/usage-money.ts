/** Puts a money value beside every credit total of the usage page (credits × the list price of a credit, in whole cents). */
import { creditMoneyValue } from "../../../schema/credit-packs";
import type { CreditTotals, CreditTotalsRow, UsageSummary } from "../../../schema/credits";

/** The priced totals, before people and models are named (usage-summary.ts adds the names). */
type Priced<T> = T extends (infer R)[] ? (R & { moneyCents: number })[] : never;
export type PricedTotals = Omit<UsageSummary, "byFeature" | "byUser" | "byModel" | "byDay" | "breakdown"> & {
	[K in "byFeature" | "byUser" | "byModel" | "byDay" | "breakdown"]: Priced<CreditTotals[K]>;
};

export function withMoney(totals: CreditTotals): PricedTotals {
	const creditValue = creditMoneyValue();
	const priced = <T extends CreditTotalsRow>(rows: T[]) =>
		rows.map((row) => ({ ...row, moneyCents: Math.round(row.credits * creditValue.centsPerCredit) }));
	return {
		since: totals.since,
		creditValue,
		byFeature: priced(totals.byFeature),
		byUser: priced(totals.byUser),
		byModel: priced(totals.byModel),
		byDay: priced(totals.byDay),
		breakdown: priced(totals.breakdown),
	};
}
