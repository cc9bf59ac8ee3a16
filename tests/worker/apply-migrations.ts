/**
 * Storage is wiped and migrations/ applied once per test file (not before every test: ~0.2 s each),
 * so the tests of one file share D1, R2 and Durable Objects. Each test isolates itself by signing up
 * its own agencies under unique slugs (tests/support/agencies.ts `uniqueSlug`) and by scoping what
 * it counts to its own tenant; cross-tenant tests create both tenants fresh. Per-isolate identity
 * caches are still emptied before every test, so no test sees another's cached lookups.
 */
import { applyD1Migrations, type D1Migration, reset } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { beforeAll, beforeEach } from "vitest";
import { clearIdentityCaches } from "../../worker/lib/identity-cache";

/** vitest.config.ts passes the migrations read from migrations/ as a test-only binding. */
const { TEST_MIGRATIONS } = env as Env & { TEST_MIGRATIONS: D1Migration[] };

beforeAll(async () => {
	clearIdentityCaches();
	await reset();
	await applyD1Migrations(env.DB, TEST_MIGRATIONS);
});

beforeEach(() => {
	clearIdentityCaches();
});
