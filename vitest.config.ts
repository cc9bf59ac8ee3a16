/**
 * Test projects: `worker` runs inside workerd (D1, R2, Durable Objects, Queues from wrangler.toml,
 * migrations applied from migrations/); `unit` is pure logic in Node; `e2e` drives the running app
 * in Debian Chromium.
 */
import { cloudflareTest, readD1Migrations } from "@cloudflare/vitest-plugin";
import { defineConfig } from "vitest/config";
import { FAKE_KEYS, startFakeAiServer } from "./tests/fakes/ai-provider-server";

export default defineConfig(async () => {
	const migrations = await readD1Migrations("./migrations");
	// The worker tests' AI providers: a local fake answered in this process (real client code, no mocks).
	const fakeAi = await startFakeAiServer();
	const assistantBindings = {
		OPENAI_API_KEY: FAKE_KEYS.openai,
		OPENAI_BASE_URL: `http://127.0.0.1:${fakeAi.port}/openai/v1`,
		ANTHROPIC_API_KEY: FAKE_KEYS.anthropic,
		ANTHROPIC_BASE_URL: `http://127.0.0.1:${fakeAi.port}/anthropic`,
		ASSISTANT_FIRST_TOKEN_TIMEOUT_MS: "2000",
		ASSISTANT_LOCAL_WORD_DELAY_MS: "0",
	};
	return {
		test: {
			projects: [
				{
					plugins: [
						cloudflareTest({
							wrangler: { configPath: "./wrangler.toml" },
							miniflare: { bindings: { TEST_MIGRATIONS: migrations, ENVIRONMENT: "development", LOG_LEVEL: "warn", ...assistantBindings } },
						}),
					],
					test: { name: "worker", include: ["tests/worker/**/*.test.ts"], setupFiles: ["tests/worker/apply-migrations.ts"] },
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
