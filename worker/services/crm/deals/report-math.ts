/**
 * The arithmetic of a pipeline report, pure so unit tests check it by hand: value by stage, the
 * weighted forecast (Σ amount × stage probability), win rate and average time in stage. Money stays
 * in integer minor units per currency: amounts of different currencies are never added together.
 */

export type ReportStage = { id: string; probability: number; kind: "open" | "won" | "lost" };
export type ReportDeal = { stageId: string; amount: number; currency: string; status: "open" | "won" | "lost"; closedAt: number | null };
export type ReportStageChange = { dealId: string; toStageId: string; at: number };
/** Minor units per currency. */
export type MoneyTotals = Record<string, number>;

function add(totals: MoneyTotals, currency: string, amount: number): void {
	totals[currency] = (totals[currency] ?? 0) + amount;
}

/** Count and value (per currency) of the deals standing in each stage, in the stages' order. */
export function valueByStage(stages: readonly ReportStage[], deals: readonly ReportDeal[]) {
	return stages.map((stage) => {
		const value: MoneyTotals = {};
		let count = 0;
		for (const deal of deals) {
			if (deal.stageId !== stage.id) continue;
			count++;
			add(value, deal.currency, deal.amount);
		}
		return { stageId: stage.id, count, value };
	});
}

/**
 * Σ amount × probability of the open deals, per currency, rounded once to whole minor units at the
 * end (1,000 at 20 % + 2,500 at 50 % + 400 at 90 % = 1,810).
 */
export function weightedForecast(stages: readonly ReportStage[], deals: readonly ReportDeal[]): MoneyTotals {
	const probability = new Map(stages.map((s) => [s.id, s.probability]));
	const percentTotals: MoneyTotals = {};
	for (const deal of deals) {
		if (deal.status !== "open") continue;
		add(percentTotals, deal.currency, deal.amount * (probability.get(deal.stageId) ?? 0));
	}
	return Object.fromEntries(Object.entries(percentTotals).map(([currency, total]) => [currency, Math.round(total / 100)]));
}

/** Deals won and lost in [from, to), the won value per currency, and won / (won + lost) (null when none closed). */
export function closedInPeriod(deals: readonly ReportDeal[], from: number, to: number) {
	const wonValue: MoneyTotals = {};
	let won = 0;
	let lost = 0;
	for (const deal of deals) {
		if (deal.closedAt === null || deal.closedAt < from || deal.closedAt >= to) continue;
		if (deal.status === "won") {
			won++;
			add(wonValue, deal.currency, deal.amount);
		} else if (deal.status === "lost") lost++;
	}
	return { won: { count: won, value: wonValue }, lost: { count: lost }, winRate: won + lost === 0 ? null : won / (won + lost) };
}

/**
 * The average time deals spent in each stage, from their stage history: a stay runs from entering a
 * stage to entering the next. A deal still in a stage has no finished stay there, so it does not count.
 */
export function averageTimeInStage(stages: readonly ReportStage[], history: readonly ReportStageChange[]) {
	const byDeal = new Map<string, ReportStageChange[]>();
	for (const change of history) {
		const list = byDeal.get(change.dealId) ?? [];
		list.push(change);
		byDeal.set(change.dealId, list);
	}
	const sums = new Map<string, { total: number; stays: number }>();
	for (const changes of byDeal.values()) {
		changes.sort((a, b) => a.at - b.at);
		for (let i = 0; i + 1 < changes.length; i++) {
			const stay = changes[i];
			const next = changes[i + 1];
			if (!stay || !next) continue;
			const sum = sums.get(stay.toStageId) ?? { total: 0, stays: 0 };
			sum.total += next.at - stay.at;
			sum.stays++;
			sums.set(stay.toStageId, sum);
		}
	}
	return stages.map((stage) => {
		const sum = sums.get(stage.id);
		return { stageId: stage.id, averageMs: sum ? sum.total / sum.stays : null, stays: sum?.stays ?? 0 };
	});
}
