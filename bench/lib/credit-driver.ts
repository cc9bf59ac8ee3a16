/**
 * A bench-only Worker that drives the real TenantGate of the app's Worker (the same class, the
 * same storage, native RPC, as the app calls it): `GET /pair` reserves 1 credit and settles it,
 * `POST /grant` adds credits, `GET /check` reads the balance and counts ledger rows, so the run
 * can prove no movement was lost or doubled. Served beside the app on the host `credits.bench`.
 */
export const CREDIT_DRIVER_HOST = "credits.bench";

export const CREDIT_DRIVER_SCRIPT = `
export default {
	async fetch(request, env) {
		const url = new URL(request.url);
		const gate = env.GATE.get(env.GATE.idFromName(url.searchParams.get("tenant") ?? "bench"));
		if (url.pathname === "/grant") {
			const amount = Number(url.searchParams.get("amount"));
			return Response.json(await gate.grantCredits({ amount, idempotencyKey: "bench-grant-" + crypto.randomUUID(), reason: "benchmark" }));
		}
		if (url.pathname === "/check") {
			return Response.json(await gate.creditSummary(0));
		}
		if (url.pathname === "/balance") {
			return Response.json(await gate.credits());
		}
		const key = crypto.randomUUID();
		const reserved = await gate.reserveCredits({ amount: 1, idempotencyKey: "r-" + key, feature: "bench", userId: null });
		if (!reserved.ok) return Response.json(reserved, { status: 409 });
		const settled = await gate.settleCredits({ reservationId: reserved.reservationId, actual: 1, idempotencyKey: "s-" + key });
		return settled.ok ? new Response("ok") : Response.json(settled, { status: 500 });
	},
};
`;
