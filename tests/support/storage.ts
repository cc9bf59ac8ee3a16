/**
 * Test storage per file: tests/worker/apply-migrations.ts wipes D1, R2 and Durable Objects and
 * applies migrations/ once per file. A file whose tests still reuse agency slugs or count rows
 * across all tenants calls `resetStorageBeforeEachTest()` at its top level until it is converted
 * (unique slugs from ./agencies.ts, counts scoped to the test's tenant); each call costs ~0.2 s a test.
 */
import { applyD1Migrations, type D1Migration, reset } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { beforeEach } from "vitest";

const { TEST_MIGRATIONS } = env as Env & { TEST_MIGRATIONS: D1Migration[] };

/** Empty storage with every migration applied. */
export async function freshStorage(): Promise<void> {
	await reset();
	await applyD1Migrations(env.DB, TEST_MIGRATIONS);
}

/** Legacy: the calling file's tests each start from empty storage (call it at the file's top level, before its own hooks). */
export function resetStorageBeforeEachTest(): void {
	beforeEach(freshStorage);
}
