/**
 * Test projects: `worker` runs inside workerd (D1, R2, Durable Objects, Queues from wrangler.toml,
 * migrations applied from migrations/); `unit` is pure logic in Node; `e2e` drives the running app
 * in Debian Chromium, two files at a time.
 */

import { cloudflareTest, readD1Migrations } from "@cloudflare/vitest-plugin";
import { defineConfig } from "vitest/config";
import { freePort } from "./scripts/lib/free-port";
import { generateVapidKeys } from "./scripts/lib/vapid-keys";
import { FAKE_KEYS, startFakeAiServer } from "./tests/fakes/ai-provider-server";
import { startTestFakes } from "./tests/fakes/start-fakes";

/**
 * The e2e files run two at a time, each pool slot against its own station — an app (wrangler dev
 * on throw-away state, demo seed included), a Chromium and the fakes, started by
 * tests/e2e/global-setup.ts. Vitest never runs two files in one slot at once, so two files never
 * share an app and can never see each other's changes to the demo agency, and the queue keeps both
 * slots busy whatever each file takes. Two, because one station kept about 1.2 of this machine's two
 * cores busy (docs/PERFORMANCE.md). `npm test` (scripts/run-tests.ts) runs this project and the
 * worker and unit projects as separate vitest processes side by side: in one process (`npx vitest
 * run`) vitest runs projects with different `maxWorkers` one group after another (`groupOrder`).
 */
const E2E_STATIONS = 2;

const e2eProject = {
	test: {
		name: "e2e",
		include: ["tests/e2e/**/*.test.ts"],
		// What the user waits for includes Argon2id sign-ins on a 2-core machine: give the page up to 10 s to show it.
		expect: { poll: { timeout: 10_000 } },
		environment: "node" as const,
		globalSetup: ["tests/e2e/global-setup.ts"],
		testTimeout: 60_000,
		hookTimeout: 120_000,
		maxWorkers: E2E_STATIONS,
		// A slot's fork runs its next file too, with Playwright and the helpers already imported, instead of
		// a fresh fork and import per file. Nothing a file makes outlives it: each file closes its own
		// browser connection (and with it every context it made) in afterAll, and a reused fork keeps its
		// pool slot, so it keeps its station (tests/e2e/station.ts).
		isolate: false,
		sequence: { groupOrder: 1 },
	},
};

export default defineConfig(async () => {
	const migrations = await readD1Migrations("./migrations");
	// A fresh VAPID pair per run: the Worker signs pushes with it, the local push service checks them.
	const vapid = await generateVapidKeys();
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
	const fakes = await startTestFakes();
	process.env.STRIPE_FAKE_PORT ??= String(await freePort());
	const stripe = {
		STRIPE_SECRET_KEY: "sk_test_atrium",
		STRIPE_WEBHOOK_SECRET: "whsec_test_atrium",
		OPERATOR_TOKEN: "op_test_atrium_operator",
		STRIPE_API_BASE: `http://127.0.0.1:${process.env.STRIPE_FAKE_PORT}`,
	};
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
									...assistantBindings,
									...stripe,
									SHARE_LINK_SECRET: "test-share-link-secret-0123456789",
									// Real Argon2id at a test-run cost: these files sign up hundreds of agencies (worker/lib/passwords.ts).
									PASSWORD_HASH_COST: "test-run",
								},
							},
						}),
					],
					test: {
						name: "worker",
						include: ["tests/worker/**/*.test.ts"],
						// Storage is wiped and migrated once per file (apply-migrations.ts); files reuse one
						// workerd and its loaded modules instead of starting a fresh one per file.
						setupFiles: ["tests/worker/apply-migrations.ts"],
						isolate: false,
						provide: fakes.urls,
						// Sign-in tests verify many Argon2id hashes; 5 s is too tight on a busy 2-core machine.
						testTimeout: 30_000,
						hookTimeout: 60_000,
						globalSetup: ["tests/worker/stripe-fake-setup.ts"],
					},
				},
				{ test: { name: "unit", include: ["tests/unit/**/*.test.ts"], environment: "node" } },
				e2eProject,
			],
		},
	};
});
