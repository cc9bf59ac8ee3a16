/**
 * The catalogue's address: `?story=<id>` opens one story (none: the index), `theme=light|dark`,
 * and `frame=phone` shows the story in a 390 px frame (the phone layout, on a wide screen).
 */
export type Theme = "light" | "dark";
export type CatalogueParams = { story: string | null; theme: Theme; phoneFrame: boolean };

export const PHONE_WIDTH = 390;
export const PHONE_HEIGHT = 844;

export function readParams(search: string): CatalogueParams {
	const query = new URLSearchParams(search);
	return {
		story: query.get("story"),
		theme: query.get("theme") === "dark" ? "dark" : "light",
		phoneFrame: query.get("frame") === "phone",
	};
}

/** The address of a story (or of the index, with `story: null`) with the given settings. */
export function catalogueHref({ story, theme, phoneFrame }: CatalogueParams): string {
	const query = new URLSearchParams();
	if (story) query.set("story", story);
	if (theme !== "light") query.set("theme", theme);
	if (phoneFrame) query.set("frame", "phone");
	const text = query.toString();
	return text ? `?${text}` : "?";
}
