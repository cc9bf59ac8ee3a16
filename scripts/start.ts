/** `npm start`: the whole app at http://localhost:8787 (PORT overrides), with the demo sign-ins printed. */
import { DEMO_ACCOUNTS, DEMO_AGENCY, DEMO_PASSWORD } from "./lib/demo-seed";
import { LOCAL_OPERATOR_TOKEN, startLocalApp } from "./lib/local-app";

const port = Number(process.env.PORT ?? 8787);

const app = await startLocalApp({
	port,
	onOutput: (text) => process.stdout.write(text),
});

const tenantUrl = `http://${DEMO_AGENCY.slug}.localhost:${port}`;
console.log(`
  Atrium is running.

  Sign up a new agency:   ${app.url}
  Demo agency:            ${tenantUrl}   (${DEMO_AGENCY.name})
${DEMO_ACCOUNTS.map((a) => `    ${a.role.padEnd(7)} ${a.email.padEnd(24)} password: ${DEMO_PASSWORD}`).join("\n")}
  Dev mailbox:            ${app.url}/dev/mailbox
  API reference:          ${app.url}/api/docs
  Stripe:                 ${app.stripeFake ? `local fake at ${app.stripeFake.url} (test card 4242 4242 4242 4242)` : "STRIPE_SECRET_KEY from the environment"}
  Operator console:       ${app.url}/operator   (token: ${app.stripeFake ? (process.env.OPERATOR_TOKEN ?? LOCAL_OPERATOR_TOKEN) : "OPERATOR_TOKEN from the environment"}; also the Bearer token of ${app.url}/api/operator/*)

  Press Ctrl+C to stop.
`);

const stop = () => {
	app.stop();
	process.exit(0);
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
app.process.on("exit", (code) => process.exit(code ?? 0));
