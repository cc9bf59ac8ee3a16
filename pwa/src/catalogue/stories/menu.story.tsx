/** Menu: a closed menu button, and one opened on arrival showing its items (one danger, one disabled). */
import { IconMore } from "../../components/kit/icons";
import { Menu, type MenuItem } from "../../components/kit/menu";
import { Example } from "../example";
import { defineStory } from "../story";
import { usePrepare } from "../use-prepare";

const ITEMS: MenuItem[] = [
	{ label: "Rename", onSelect: () => {} },
	{ label: "Move to…", onSelect: () => {} },
	{ label: "Share link", onSelect: () => {}, disabled: true },
	{ label: "Delete", onSelect: () => {}, danger: true },
];

function OpenMenu() {
	const box = usePrepare<HTMLDivElement>([(element) => element.querySelector("button")?.click()]);
	return (
		<div ref={box} class="catalogue-menu-open">
			<Menu label="Actions for Brand guidelines.pdf" icon={IconMore} items={ITEMS} align="start" />
		</div>
	);
}

export default defineStory({
	id: "menu",
	title: "Menu",
	group: "Overlays",
	sources: ["components/kit/menu.tsx", "components/kit/menu-keys.ts"],
	usage:
		"A row's actions behind one button (WAI-ARIA menu button): arrows wrap, Home/End jump, typing a letter jumps to its item, Escape returns focus to the button.",
	example: `<Menu label="Actions for Acme" icon={IconMore} items={[{ label: "Rename", onSelect: rename }, { label: "Delete", onSelect: remove, danger: true }]} />`,
	render: () => (
		<>
			<Example title="Closed: with text, icon only">
				<Menu label="Export" items={ITEMS}>
					Export
				</Menu>
				<Menu label="Actions for Acme Ltd" icon={IconMore} items={ITEMS} />
			</Example>
			<Example title="Open">
				<OpenMenu />
			</Example>
		</>
	),
});
