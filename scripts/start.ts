/**
 * `npm start`: the whole app at http://localhost:8787 (PORT overrides), with the demo sign-ins
 * printed, and the cron schedules fired on their times (wrangler dev alone does not fire them).
 */
import { SCHEDULES } from "../worker/cron/schedules";
import { DEMO_ACCOUNTS, DEMO_AGENCY, DEMO_PASSWORD } from "./lib/demo-seed";
import { LOCAL_OPERATOR_TOKEN, startLocalApp } from "./lib/local-app";
import { startLocalScheduler } from "./lib/local-scheduler";

const port = Number(process.env.PORT ?? 8787);

const app = await startLocalApp({
	port,
	onOutput: (text) => process.stdout.write(text),
});

// The seed is SQL, which cannot reach the credit ledger (a Durable Object): the demo agency's plan
// credits are granted through the running Worker, once ever (the grant is idempotent across restarts).
const credits = await fetch(`${app.url}/dev/plan-credits/${DEMO_AGENCY.slug}`, { method: "POST" })
	.then(async (res) => (res.ok ? null : `HTTP ${res.status} ${await res.text()}`))
	.catch((error: unknown) => String(error));
if (credits !== null) console.warn(`  Could not grant ${DEMO_AGENCY.name} its plan credits: ${credits}`);

const scheduler = startLocalScheduler({
	appUrl: `http://127.0.0.1:${port}`,
	crons: SCHEDULES.map((s) => s.cron),
	log: (line) => console.log(line),
});
const localTime = new Intl.DateTimeFormat(undefined, { weekday: "short", hour: "2-digit", minute: "2-digit", timeZoneName: "short" });
const nextRuns = scheduler
	.upcoming()
	.map(({ cron, next }) => `    ${cron.padEnd(14)} next ${next ? localTime.format(next) : "never"}`)
	.join("\n");

const tenantUrl = `http://${DEMO_AGENCY.slug}.localhost:${port}`;
console.log(`
  Atrium is running.

  Sign up a new agency:   ${app.url}
  Demo agency:            ${tenantUrl}   (${DEMO_AGENCY.name})
${DEMO_ACCOUNTS.map((a) => `    ${a.role.padEnd(7)} ${a.email.padEnd(24)} password: ${DEMO_PASSWORD}`).join("\n")}
  Dev mailbox:            ${app.url}/dev/mailbox
  Schedules:              run here on their UTC times, as on Cloudflare (wrangler dev alone does not); ${app.url}/dev/schedules runs one now
${nextRuns}
  API reference:          ${app.url}/api/docs
  Stripe:                 ${app.stripeFake ? `local fake at ${app.stripeFake.url} (test card 4242 4242 4242 4242)` : "STRIPE_SECRET_KEY from the environment"}
  Operator console:       ${app.url}/operator   (token: ${app.stripeFake ? (process.env.OPERATOR_TOKEN ?? LOCAL_OPERATOR_TOKEN) : "OPERATOR_TOKEN from the environment"}; also the Bearer token of ${app.url}/api/operator/*)

  Press Ctrl+C to stop.
`);

let stopping = false;
const stop = async () => {
	stopping = true;
	scheduler.stop();
	await app.stop();
	process.exit(0);
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
// wrangler dev ended by itself: nothing left to schedule for.
app.process.on("exit", (code) => {
	if (stopping) return;
	scheduler.stop();
	process.exit(code ?? 0);
});
