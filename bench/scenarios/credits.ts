/**
 * Credit reserve + settle pairs against one tenant's TenantGate, through the same RPC the app
 * uses (via the bench's driver Worker). After the run the ledger is checked: every pair must
 * have moved exactly one credit, none lost, none doubled. Goal: ≥ 2,000 pairs/s per tenant.
 */
import { CREDIT_DRIVER_HOST } from "../lib/credit-driver";
import type { Scenario } from "./types";

const TENANT = "bench-credits";
const GRANT = 100_000_000;

type Summary = { byFeature: { feature: string; credits: number; calls: number }[] };
type Balance = { balance: number; reserved: number; available: number };

export const credits: Scenario = {
	id: "credits",
	label: "credit reserve+settle pair (TenantGate)",
	goal: { minRequestsPerSecond: 2000 },
	async prepare(context) {
		await context.http.expect({ method: "POST", path: `/grant?tenant=${TENANT}&amount=${GRANT}`, host: CREDIT_DRIVER_HOST }, 200);
		return [{ method: "GET", path: `/pair?tenant=${TENANT}`, host: CREDIT_DRIVER_HOST, expectStatus: 200 }];
	},
	async verify(context) {
		const read = async <T>(path: string) =>
			(await (await context.http.expect({ path: `${path}?tenant=${TENANT}`, host: CREDIT_DRIVER_HOST }, 200)).json()) as T;
		// Pairs still in flight when the load stops finish on their own: read until nothing moves between two reads.
		for (let attempt = 0; attempt < 50; attempt++) {
			const before = await read<Balance>("/balance");
			const summary = await read<Summary>("/check");
			const after = await read<Balance>("/balance");
			if (before.balance !== after.balance || after.reserved !== 0) continue;
			const bench = summary.byFeature.find((f) => f.feature === "bench") ?? { credits: 0, calls: 0 };
			const exact = bench.credits === bench.calls && after.balance === GRANT - bench.credits;
			return `${exact ? "exact" : "WRONG"}: ${bench.calls} pairs settled, ${bench.credits} credits charged, balance ${after.balance} of ${GRANT}, none held`;
		}
		return "WRONG: the ledger kept moving after the load stopped";
	},
};
