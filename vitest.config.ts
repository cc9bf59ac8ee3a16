/**
 * Test projects: `worker` runs inside workerd (D1, R2, Durable Objects, Queues from wrangler.toml,
 * migrations applied from migrations/); `unit` is pure logic in Node; `e2e` drives the running app
 * in Debian Chromium.
 */
import { cloudflareTest, readD1Migrations } from "@cloudflare/vitest-plugin";
import { defineConfig } from "vitest/config";

export default defineConfig(async () => {
	const migrations = await readD1Migrations("./migrations");
	return {
		test: {
			projects: [
				{
					plugins: [
						cloudflareTest({
							wrangler: { configPath: "./wrangler.toml" },
							miniflare: { bindings: { TEST_MIGRATIONS: migrations, ENVIRONMENT: "development", LOG_LEVEL: "warn" } },
						}),
					],
					test: {
						name: "worker",
						include: ["tests/worker/**/*.test.ts"],
						setupFiles: ["tests/worker/apply-migrations.ts"],
						// Every sign-in runs Argon2id in workerd; on a loaded 2-core machine a few sign-ins exceed 5 s.
						testTimeout: 20_000,
					},
				},
				{ test: { name: "unit", include: ["tests/unit/**/*.test.ts"], environment: "node" } },
				{
					test: {
						name: "e2e",
						include: ["tests/e2e/**/*.test.ts"],
						environment: "node",
						globalSetup: ["tests/e2e/global-setup.ts"],
						testTimeout: 60_000,
						hookTimeout: 120_000,
						fileParallelism: false,
					},
				},
			],
		},
	};
});
