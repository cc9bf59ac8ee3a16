/**
 * Every worker test starts from empty storage (D1, R2, Durable Objects) with migrations/ applied,
 * and empty per-isolate identity caches, so no test sees another's rows, buckets or cached lookups.
 */
import { applyD1Migrations, type D1Migration, reset } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { beforeEach } from "vitest";
import { clearIdentityCaches } from "../../worker/lib/identity-cache";

/** vitest.config.ts passes the migrations read from migrations/ as a test-only binding. */
const { TEST_MIGRATIONS } = env as Env & { TEST_MIGRATIONS: D1Migration[] };

beforeEach(async () => {
	clearIdentityCaches();
	await reset();
	await applyD1Migrations(env.DB, TEST_MIGRATIONS);
});
