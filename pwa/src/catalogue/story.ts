/**
 * What one catalogue story is: a kit component shown in its states with fixed props (no API calls),
 * where it lives and a short note on when and how to use it. One file per component in stories/,
 * `export default defineStory({...})`; the registry (registry.ts) finds it by its name.
 */
import type { ComponentChildren } from "preact";

export type Story = {
	/** The address of the story: `catalogue.html?story=<id>`; also its baseline's name in the visual test. */
	id: string;
	title: string;
	/** Where it is listed: "Primitives", "Forms", "Data", "Uploads"… */
	group: string;
	/** The component's source files, from pwa/src/ (shown on the page). */
	sources: readonly string[];
	/** When to use it and what to watch for: one or two sentences. */
	usage: string;
	/** A short usage example, shown as code. */
	example?: string;
	/** Renders every state worth seeing; wrap each in <Example title="…">. */
	render: () => ComponentChildren;
};

export function defineStory(story: Story): Story {
	return story;
}
