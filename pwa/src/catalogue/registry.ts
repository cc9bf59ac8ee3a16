/**
 * Every catalogue story: each `stories/*.story.tsx` file's default export, picked up by its name
 * (adding a story is adding that one file), listed by group and then title.
 */
import type { Story } from "./story";

const modules = import.meta.glob<Story>("./stories/*.story.tsx", { eager: true, import: "default" });

export const STORIES: readonly Story[] = Object.values(modules).sort(
	(a, b) => a.group.localeCompare(b.group) || a.title.localeCompare(b.title),
);

export function findStory(id: string): Story | undefined {
	return STORIES.find((story) => story.id === id);
}
