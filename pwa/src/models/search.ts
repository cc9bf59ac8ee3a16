/**
 * What the command palette lists: the person's pages at once (the places of navigation.ts they
 * may open, as the navigation filters them), then the server's matches — clients, projects,
 * conversations — from GET /api/v1/search, asked DEBOUNCE_MS after the last keystroke. Names match
 * as the database matches them (schema/collation.ts), so pages and server results agree. Offline,
 * pages still match and the server part says so.
 */
import { signal } from "@preact/signals";
import { nameMatches } from "../../../schema/collation";
import type { SearchKind } from "../../../schema/dto/search";
import { api } from "../api/client";
import { fetchJson } from "../api/fetch-json";
import { visibleAreas } from "./areas";
import { online } from "./connectivity";
import { visibleSettingsPages } from "./settings-pages";

export type PaletteItem = { key: string; kind: "page" | SearchKind; title: string; subtitle: string; path: string };

/** The server part's state: nothing asked, waiting, answered, offline, or failed. */
export type ServerState = "idle" | "loading" | "done" | "offline" | "failed";

export const DEBOUNCE_MS = 200;
const SERVER_LIMIT = 8;

/** The pages whose name contains `q` (every page for an empty query), in navigation order. */
export function matchingPages(q: string): PaletteItem[] {
	const pages = [
		...visibleAreas.value.map((a) => ({ path: a.path, title: a.label, subtitle: "Page" })),
		...visibleSettingsPages.value.map((p) => ({ path: p.path, title: p.label, subtitle: "Settings page" })),
	];
	const query = q.trim();
	return pages
		.filter((p) => !query || nameMatches(p.title, query))
		.map((p) => ({ key: `page:${p.path}`, kind: "page", title: p.title, subtitle: p.subtitle, path: p.path }));
}

/** One palette's server search: `search(q)` after every keystroke, the latest answer in `results`. */
export function serverSearch() {
	const results = signal<PaletteItem[]>([]);
	const state = signal<ServerState>("idle");
	let timer: ReturnType<typeof setTimeout> | undefined;
	let asked = 0;

	async function ask(q: string, ticket: number): Promise<void> {
		const answer = await fetchJson(() => api.api.v1.search.$get({ query: { q, limit: String(SERVER_LIMIT) } }));
		if (ticket !== asked) return;
		if (!answer.ok) {
			results.value = [];
			state.value = online.value ? "failed" : "offline";
			return;
		}
		results.value = answer.value.results.map((r) => ({ key: `${r.kind}:${r.id}`, ...r }));
		state.value = "done";
	}

	function search(q: string): void {
		clearTimeout(timer);
		const ticket = ++asked;
		const query = q.trim();
		if (!query) {
			results.value = [];
			state.value = "idle";
			return;
		}
		if (!online.value) {
			results.value = [];
			state.value = "offline";
			return;
		}
		state.value = "loading";
		timer = setTimeout(() => void ask(query, ticket), DEBOUNCE_MS);
	}

	return { results, state, search, stop: () => clearTimeout(timer) };
}
