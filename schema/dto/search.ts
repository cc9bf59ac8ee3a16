/**
 * Wire shapes of the quick search behind the command palette (GET /api/v1/search): the places a
 * person may jump to — clients, projects, message threads — each with the PWA address that opens it.
 */
import { z } from "zod";

export const SEARCH_KINDS = ["client", "project", "thread"] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

export const SearchQuery = z.strictObject({
	q: z.string().trim().min(1, "is required").max(100, "must be at most 100 characters"),
	limit: z.coerce.number().int("must be a whole number").min(1, "must be at least 1").max(50, "must be at most 50").default(20),
});

export const SearchResult = z
	.object({
		kind: z.enum(SEARCH_KINDS),
		id: z.string(),
		title: z.string(),
		/** What tells two results of the same name apart: the client's tier and status, a project's client. */
		subtitle: z.string(),
		/** The PWA address that opens it (`/clients/<id>`, `/projects/<id>`, `/messages/<id>`). */
		path: z.string(),
	})
	.meta({ id: "SearchResult" });

export const SearchAnswer = z.object({ results: z.array(SearchResult) }).meta({ id: "SearchAnswer" });
