/**
 * The development-only pages: /dev/mailbox (email the dev transport delivered) and /dev/schedules
 * (cron schedules with "Run now"), and POST /dev/plan-credits/:slug (the demo agency's plan credits). The guard covers /dev/* only, so the routes mounted after this
 * router (manifest, brand files, the app shell) never pass through it.
 */
import { Hono } from "hono";
import type { AppEnv } from "../../env";
import { developmentOnly } from "./development-only";
import { devMailboxRouter } from "./mailbox";
import { devPlanCreditsRouter } from "./plan-credits";
import { devSchedulesRouter } from "./schedules";

export const devRouter = new Hono<AppEnv>()
	.use("/dev/*", developmentOnly)
	.route("/", devMailboxRouter)
	.route("/", devSchedulesRouter)
	.route("/", devPlanCreditsRouter);
