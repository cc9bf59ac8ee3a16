/** Tabs: a page in three sections, the first chosen. */
import { Tabs } from "../../components/form-kit/tabs";
import { Example } from "../example";
import { defineStory } from "../story";

export default defineStory({
	id: "tabs",
	title: "Tabs",
	group: "Forms",
	sources: ["components/form-kit/tabs.tsx"],
	usage:
		"Splits a page into sections: Tab reaches the chosen tab only, arrows, Home and End move between tabs. Only the chosen panel renders.",
	example: `<Tabs label="Settings" tabs={[{ id: "general", label: "General", panel: () => <General /> }, …]} />`,
	render: () => (
		<Example title="Three sections" wide>
			<div class="catalogue-stack">
				<Tabs
					label="Project settings"
					tabs={[
						{ id: "general", label: "General", panel: () => <p>Name, client and dates of the project.</p> },
						{ id: "people", label: "People", panel: () => <p>Who works on it.</p> },
						{ id: "billing", label: "Billing", panel: () => <p>How it is invoiced.</p> },
					]}
				/>
			</div>
		</Example>
	),
});
