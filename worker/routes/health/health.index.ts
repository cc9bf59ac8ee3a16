/** `GET /api/health`: the Worker is up and D1 answers a query. */
import { createRoute, z } from "@hono/zod-openapi";
import { sql } from "drizzle-orm";
import { createRouter } from "../../http/create-router";
import { jsonContent } from "../../http/openapi-responses";

const HealthResponse = z.object({
	status: z.enum(["ok", "degraded"]),
	checks: z.object({ d1: z.object({ ok: z.boolean(), ms: z.number() }) }),
});

const healthRoute = createRoute({
	method: "get",
	path: "/api/health",
	tags: ["Operations"],
	summary: "Liveness and database health",
	responses: {
		200: jsonContent(HealthResponse, "Everything answers"),
		503: jsonContent(HealthResponse, "D1 did not answer"),
	},
});

export const healthRouter = createRouter().openapi(healthRoute, async (c) => {
	const started = Date.now();
	let ok = true;
	try {
		await c.get("db").run(sql`select 1`);
	} catch (error) {
		ok = false;
		c.get("log").error("health: D1 failed", { error: String(error) });
	}
	const body = { status: ok ? ("ok" as const) : ("degraded" as const), checks: { d1: { ok, ms: Date.now() - started } } };
	c.header("Cache-Control", "no-store");
	return ok ? c.json(body, 200) : c.json(body, 503);
});
