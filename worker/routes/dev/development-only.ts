/** The dev pages exist only when ENVIRONMENT is "development"; anywhere else their paths answer 404. */
import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../../env";
import { problems } from "../../lib/problem";

export const developmentOnly = createMiddleware<AppEnv>(async (c, next) => {
	if (c.env.ENVIRONMENT !== "development") throw problems.notFound();
	return next();
});
