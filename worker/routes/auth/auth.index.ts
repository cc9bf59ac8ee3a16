/** The authentication router. */
import { createRouter } from "../../http/create-router";
import * as handlers from "./auth.handlers";
import * as routes from "./auth.routes";

export const authRouter = createRouter()
	.openapi(routes.signup, handlers.signup)
	.openapi(routes.login, handlers.login)
	.openapi(routes.loginMfa, handlers.loginMfa)
	.openapi(routes.handoff, handlers.handoff)
	.openapi(routes.logout, handlers.logout)
	.openapi(routes.unlock, handlers.unlock)
	.openapi(routes.verifyEmail, handlers.verifyEmail)
	.openapi(routes.passwordResetRequest, handlers.passwordResetRequest)
	.openapi(routes.passwordResetComplete, handlers.passwordResetComplete);
