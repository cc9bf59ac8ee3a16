/** The search router: the command palette's quick search, limited to what the caller may see. */
import { createRouter } from "../../http/create-router";
import { portalRequest } from "../../http/portal-request";
import { searchPlaces } from "../../services/search/search";
import * as routes from "./search.routes";

export const searchRouter = createRouter().openapi(routes.search, async (c) => {
	const { scope, auth, access } = await portalRequest(c);
	return c.json({ results: await searchPlaces(scope, auth.permissions, access, c.req.valid("query")) }, 200);
});
