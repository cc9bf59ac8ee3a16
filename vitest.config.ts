/**
 * Test projects: `worker` runs inside workerd (D1, R2, Durable Objects, Queues from wrangler.toml,
 * migrations applied from migrations/); `unit` is pure logic in Node; `e2e` drives the running app
 * in Debian Chromium.
 */

import { cloudflareTest, readD1Migrations } from "@cloudflare/vitest-plugin";
import { defineConfig } from "vitest/config";
import { freePort } from "./scripts/lib/free-port";
import { generateVapidKeys } from "./scripts/lib/vapid-keys";
import { FAKE_KEYS, startFakeAiServer } from "./tests/fakes/ai-provider-server";
import { startTestFakes } from "./tests/fakes/start-fakes";

/**
 * The e2e files run in two lanes, each with its own app (wrangler dev on throw-away state, demo
 * seed included) and its own Chromium, started by tests/e2e/global-setup.ts: within a lane files
 * run one at a time, so two files never share an app and can never see each other's changes to the
 * demo agency. `npm test` (scripts/run-tests.ts) runs each lane, and the worker and unit projects,
 * as its own vitest process side by side: in one process vitest would put both lanes (projects with
 * `fileParallelism: false`) into its last, sequential group, one file at a time after the rest. One lane alone was 780 s of a 10-minute budget. The second lane holds
 * the page sweep and the service-worker files, about half the e2e time as measured on a quiet
 * machine (docs/PERFORMANCE.md); a new file joins the first lane unless it is listed here.
 */
const SECOND_E2E_LANE = [
	"tests/e2e/accessibility.test.ts",
	"tests/e2e/offline-sync.test.ts",
	"tests/e2e/offline-sync-conflict.test.ts",
	"tests/e2e/offline-and-install.test.ts",
	"tests/e2e/install-prompt.test.ts",
	"tests/e2e/push-notifications.test.ts",
	"tests/e2e/downloads.test.ts",
	"tests/e2e/onboarding.test.ts",
];

/** One e2e lane: its files one at a time against the lane's own app and Chromium. */
function e2eLane(name: string, files: { include?: string[]; exclude?: string[] }) {
	return {
		test: {
			name,
			include: files.include ?? ["tests/e2e/**/*.test.ts"],
			exclude: files.exclude ?? [],
			// What the user waits for includes Argon2id sign-ins on a 2-core machine: give the page up to 10 s to show it.
			expect: { poll: { timeout: 10_000 } },
			environment: "node" as const,
			globalSetup: ["tests/e2e/global-setup.ts"],
			testTimeout: 60_000,
			hookTimeout: 120_000,
			fileParallelism: false,
		},
	};
}

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
				e2eLane("e2e", { exclude: SECOND_E2E_LANE }),
				e2eLane("e2e-2", { include: SECOND_E2E_LANE }),
			],
		},
	};
});
