/** Skeletons: lines in a card, and the whole frame while the session loads. */
import { FrameSkeleton, Skeleton } from "../../components/kit/skeleton";
import { Example } from "../example";
import { defineStory } from "../story";

export default defineStory({
	id: "skeleton",
	title: "Skeleton",
	group: "Primitives",
	sources: ["components/kit/skeleton.tsx"],
	usage:
		"Grey shapes where content is about to appear, never a spinner; announced once as “Loading…”. The shimmer stops for reduced motion.",
	example: `{list === null ? <Skeleton lines={3} /> : <List items={list} />}`,
	render: () => (
		<>
			<Example title="Three lines in a card">
				<div class="catalogue-stack">
					<Skeleton lines={3} />
				</div>
			</Example>
			<Example title="The app frame while the session loads" wide>
				<div class="catalogue-stack catalogue-frame-box">
					<FrameSkeleton />
				</div>
			</Example>
		</>
	),
});
