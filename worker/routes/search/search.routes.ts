/** Route declaration of the command palette's quick search. */
import { SearchAnswer, SearchQuery } from "../../../schema/dto/search";
import { jsonContent } from "../../http/openapi-responses";
import { protectedRoute } from "../../http/protected-route";

export const search = protectedRoute({
	method: "get",
	path: "/api/v1/search",
	tags: ["Search"],
	summary:
		"Quick search (the command palette): clients, projects and message threads whose name contains `q` (A–Z case-insensitive), prefix matches first, limited to what the caller may see",
	// Every member holds account:read; what they find depends on their other permissions and clients.
	permission: "account:read",
	request: { query: SearchQuery },
	responses: { 200: jsonContent(SearchAnswer, "The matches, at most `limit`") },
});
