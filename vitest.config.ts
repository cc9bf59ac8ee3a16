/**
 * Test projects: `worker` runs inside workerd (D1, R2, Durable Objects, Queues from wrangler.toml,
 * migrations applied from migrations/); `unit` is pure logic in Node; `e2e` drives the running app
 * in Debian Chromium.
 */

import { createServer } from "node:net";
import { cloudflareTest, readD1Migrations } from "@cloudflare/vitest-plugin";
import { defineConfig } from "vitest/config";

/** A free loopback port, for the Stripe fake the worker tests talk to. */
function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = createServer();
		server.listen(0, "127.0.0.1", () => {
			const address = server.address();
			server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
		});
	});
}

export default defineConfig(async () => {
	const migrations = await readD1Migrations("./migrations");
	process.env.STRIPE_FAKE_PORT ??= String(await freePort());
	const stripe = {
		STRIPE_SECRET_KEY: "sk_test_atrium",
		STRIPE_WEBHOOK_SECRET: "whsec_test_atrium",
		STRIPE_API_BASE: `http://127.0.0.1:${process.env.STRIPE_FAKE_PORT}`,
	};
	return {
		test: {
			projects: [
				{
					plugins: [
						cloudflareTest({
							wrangler: { configPath: "./wrangler.toml" },
							miniflare: { bindings: { TEST_MIGRATIONS: migrations, ENVIRONMENT: "development", LOG_LEVEL: "warn", ...stripe } },
						}),
					],
					test: {
						name: "worker",
						include: ["tests/worker/**/*.test.ts"],
						setupFiles: ["tests/worker/apply-migrations.ts"],
						globalSetup: ["tests/worker/stripe-fake-setup.ts"],
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
