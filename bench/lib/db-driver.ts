/**
 * A bench-only Worker bound to the app's D1 database: `POST /sql` runs a batch of statements
 * (`{ statements: [{ sql, params }] }`) in one transaction. Scenarios use it only for what the
 * API deliberately cannot do, such as putting a fresh agency on a plan without going through
 * Stripe. Served beside the app on the host `db.bench`.
 */
export const DB_DRIVER_HOST = "db.bench";

export type SqlStatement = { sql: string; params?: (string | number | null)[] };

export const DB_DRIVER_SCRIPT = `
export default {
	async fetch(request, env) {
		const { statements } = await request.json();
		const results = await env.DB.batch(statements.map((s) => env.DB.prepare(s.sql).bind(...(s.params ?? []))));
		return Response.json(results.map((r) => r.results ?? []));
	},
};
`;
