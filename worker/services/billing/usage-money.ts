/** Puts a money value beside every credit total of the usage page (credits × the list price of a credit, in whole cents). */
import { creditMoneyValue } from "../../../schema/credit-packs";
import type { CreditTotals, CreditTotalsRow, UsageSummary } from "../../../schema/credits";

export function withMoney(totals: CreditTotals): UsageSummary {
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
	};
}
