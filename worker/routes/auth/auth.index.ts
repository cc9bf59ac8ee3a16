/** The authentication router. */
import { createRouter } from "../../lib/create-router";
import * as handlers from "./auth.handlers";
import * as routes from "./auth.routes";

export const authRouter = createRouter()
	.openapi(routes.signup, handlers.signup)
	.openapi(routes.login, handlers.login)
	.openapi(routes.handoff, handlers.handoff)
	.openapi(routes.logout, handlers.logout);
