/**
 * Test projects: `worker` runs inside workerd (D1, R2, Durable Objects, Queues from wrangler.toml,
 * migrations applied from migrations/); `unit` is pure logic in Node; `e2e` drives the running app
 * in Debian Chromium.
 */
import { cloudflareTest, readD1Migrations } from "@cloudflare/vitest-plugin";
import { defineConfig } from "vitest/config";
import { generateVapidKeys } from "./scripts/lib/vapid-keys";
import { startTestFakes } from "./tests/fakes/start-fakes";

export default defineConfig(async () => {
	const migrations = await readD1Migrations("./migrations");
	// A fresh VAPID pair per run: the Worker signs pushes with it, the local push service checks them.
	const vapid = await generateVapidKeys();
	const fakes = await startTestFakes();
	return {
		test: {
			projects: [
				{
					plugins: [
						cloudflareTest({
							wrangler: { configPath: "./wrangler.toml" },
							miniflare: {
								bindings: {
									TEST_MIGRATIONS: migrations,
									ENVIRONMENT: "development",
									LOG_LEVEL: "warn",
									VAPID_PUBLIC_KEY: vapid.publicKey,
									VAPID_PRIVATE_KEY: vapid.privateKey,
									VAPID_SUBJECT: "mailto:tests@atrium.localhost",
									...fakes.bindings,
								},
							},
						}),
					],
					test: {
						name: "worker",
						include: ["tests/worker/**/*.test.ts"],
						setupFiles: ["tests/worker/apply-migrations.ts"],
						provide: fakes.urls,
						// Sign-in tests verify many Argon2id hashes (deliberately slow); 5 s is too tight on a busy 2-core machine.
						testTimeout: 30_000,
					},
				},
				{ test: { name: "unit", include: ["tests/unit/**/*.test.ts"], environment: "node" } },
				{
					test: {
						name: "e2e",
						include: ["tests/e2e/**/*.test.ts"],
						// What the user waits for includes Argon2id sign-ins on a 2-core machine: give the page up to 10 s to show it.
						expect: { poll: { timeout: 10_000 } },
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
