/** Sheet: open on arrival; from the bottom on a phone, from the side on a wide screen. */
import { useSignal } from "@preact/signals";
import { Button } from "../../components/kit/button";
import { Sheet } from "../../components/kit/sheet";
import { Example } from "../example";
import { defineStory } from "../story";

function SheetDemo() {
	const open = useSignal(true);
	return (
		<>
			<Button onClick={() => (open.value = true)}>Filters</Button>
			{open.value && (
				<Sheet title="Filters" onClose={() => (open.value = false)}>
					<ul class="catalogue-sheet-list">
						<li>
							<a href="#active">Active clients</a>
						</li>
						<li>
							<a href="#archived">Archived clients</a>
						</li>
						<li>
							<a href="#mine">Assigned to me</a>
						</li>
					</ul>
				</Sheet>
			)}
		</>
	);
}

export default defineStory({
	id: "sheet",
	title: "Sheet",
	group: "Overlays",
	sources: ["components/kit/sheet.tsx", "components/kit/use-modal.ts"],
	usage:
		"A modal panel for secondary content (filters, details, the More places): rises from the bottom on a phone, slides in from the side on a wide screen; behaves like Dialog.",
	example: `{open.value && <Sheet title="More" onClose={() => (open.value = false)}>…</Sheet>}`,
	render: () => (
		<Example title="Open">
			<SheetDemo />
		</Example>
	),
});
