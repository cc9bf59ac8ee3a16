/** One story's page: what the component is for, where it lives, an example, and its states. */
import { Toaster } from "../components/kit/toaster";
import { type CatalogueParams, catalogueHref, PHONE_HEIGHT, PHONE_WIDTH } from "./params";
import type { Story } from "./story";

function StoryBar({ story, params }: { story: Story; params: CatalogueParams }) {
	const other = params.theme === "dark" ? "light" : "dark";
	return (
		<nav class="catalogue-bar" aria-label="Catalogue">
			<a href={catalogueHref({ ...params, story: null, phoneFrame: false })}>All components</a>
			<a href={catalogueHref({ ...params, story: story.id, theme: other })}>{other === "dark" ? "Dark" : "Light"}</a>
			<a href={catalogueHref({ ...params, story: story.id, phoneFrame: !params.phoneFrame })}>
				{params.phoneFrame ? "Full width" : "Phone width"}
			</a>
		</nav>
	);
}

export function StoryPage({ story, params }: { story: Story; params: CatalogueParams }) {
	if (params.phoneFrame) {
		return (
			<main class="catalogue-page">
				<StoryBar story={story} params={params} />
				<iframe
					class="catalogue-phone"
					title={`${story.title} at phone width`}
					src={catalogueHref({ ...params, phoneFrame: false })}
					width={PHONE_WIDTH}
					height={PHONE_HEIGHT}
				/>
			</main>
		);
	}
	return (
		<>
			<main class="catalogue-page" data-story={story.id}>
				<StoryBar story={story} params={params} />
				<header class="catalogue-header">
					<p class="catalogue-group">{story.group}</p>
					<h1>{story.title}</h1>
					<p class="lead">{story.usage}</p>
					<p class="catalogue-sources">
						{story.sources.map((source) => (
							<code key={source}>pwa/src/{source}</code>
						))}
					</p>
					{story.example && (
						<pre class="catalogue-code">
							<code>{story.example}</code>
						</pre>
					)}
				</header>
				<div class="catalogue-examples">{story.render()}</div>
			</main>
			<Toaster />
		</>
	);
}
