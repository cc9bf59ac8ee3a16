/** The account router: the signed-in identity. */
import { createRouter } from "../../lib/create-router";
import { tenantOf } from "../../lib/host-guards";
import { currentSession } from "../../middleware/require-permission";
import { toMe } from "../auth/auth.handlers";
import * as routes from "./me.routes";

export const meRouter = createRouter().openapi(routes.me, (c) => c.json(toMe(currentSession(c), tenantOf(c)), 200));
