/** EmptyState: with an icon and an action, and the plain sentence. */
import { Button } from "../../components/kit/button";
import { EmptyState } from "../../components/kit/empty-state";
import { IconFolder, IconSearch } from "../../components/kit/icons";
import { Example } from "../example";
import { defineStory } from "../story";

export default defineStory({
	id: "empty-state",
	title: "Empty state",
	group: "Primitives",
	sources: ["components/kit/empty-state.tsx"],
	usage: "What a list shows when it has nothing yet: what is missing, what to do next, and the action that does it.",
	example: `<EmptyState icon={IconFolder} title="No documents yet" action={<Button …>Upload a file</Button>}>\n\tFiles you and your client share appear here.\n</EmptyState>`,
	render: () => (
		<>
			<Example title="With an action">
				<EmptyState
					icon={IconFolder}
					title="No documents yet"
					headingLevel={3}
					action={
						<Button variant="primary" block={false}>
							Upload a file
						</Button>
					}
				>
					Files you and your client share appear here.
				</EmptyState>
			</Example>
			<Example title="Nothing found">
				<EmptyState icon={IconSearch} title="No clients match “zeta”" headingLevel={3}>
					Check the spelling, or clear the search to see every client.
				</EmptyState>
			</Example>
		</>
	),
});
