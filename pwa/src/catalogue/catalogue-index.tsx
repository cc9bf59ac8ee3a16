/** The catalogue's first page: every story by group, and the theme to open them in. */
import { type CatalogueParams, catalogueHref } from "./params";
import { STORIES } from "./registry";

export function CatalogueIndex({ params, missing }: { params: CatalogueParams; missing: string | null }) {
	const groups = [...new Set(STORIES.map((story) => story.group))];
	const other = params.theme === "dark" ? "light" : "dark";
	return (
		<main class="catalogue-page">
			<h1>Kit catalogue</h1>
			<p class="lead">
				Every component of the PWA kit in its states, with fixed data. Build a screen from these (docs/DESIGN-SYSTEM.md); add a story as one
				file in <code>pwa/src/catalogue/stories/</code>.
			</p>
			{missing && (
				<p role="alert" class="catalogue-missing">
					There is no story named “{missing}”.
				</p>
			)}
			<p>
				<a href={catalogueHref({ ...params, story: null, theme: other })}>Show in {other}</a>
			</p>
			{groups.map((group) => (
				<section key={group} aria-labelledby={`group-${group}`}>
					<h2 id={`group-${group}`}>{group}</h2>
					<ul class="catalogue-list">
						{STORIES.filter((story) => story.group === group).map((story) => (
							<li key={story.id}>
								<a href={catalogueHref({ ...params, story: story.id })} data-story-link={story.id}>
									{story.title}
								</a>
								<span class="record-meta"> — {story.usage}</span>
							</li>
						))}
					</ul>
				</section>
			))}
		</main>
	);
}
