/**
 * The catalogue's entry (pwa/catalogue.html): the app's styles and tokens, the theme from the
 * address (`data-theme` on <html>, as the Worker's shell sets it in the app), then the index or one
 * story. Development and CI only: built by pwa/catalogue.vite.config.ts, never into the app.
 */
import { render } from "preact";
import "../styles/app.css";
import "./catalogue.css";
import { CatalogueIndex } from "./catalogue-index";
import { readParams } from "./params";
import { findStory } from "./registry";
import { StoryPage } from "./story-page";

const params = readParams(location.search);
document.documentElement.dataset.theme = params.theme;
const story = params.story ? findStory(params.story) : undefined;
document.title = story ? `${story.title} · Atrium kit catalogue` : "Atrium kit catalogue";

const root = document.getElementById("catalogue");
if (root)
	render(
		story ? <StoryPage story={story} params={params} /> : <CatalogueIndex params={params} missing={story ? null : params.story} />,
		root,
	);
