/** Icons: every icon of the set, at the sizes the kit uses. */
import type { IconComponent } from "../../components/kit/icons";
import * as icons from "../../components/kit/icons";
import { Example } from "../example";
import { defineStory } from "../story";

const ALL = Object.entries(icons as Record<string, IconComponent>).filter(([name]) => name.startsWith("Icon") && name !== "IconSpinner");

export default defineStory({
	id: "icons",
	title: "Icons",
	group: "Primitives",
	sources: ["components/kit/icons.tsx"],
	usage:
		"24 × 24 stroke icons in currentColor, one named export each so a bundle carries only what it imports. Decorative: the text beside an icon, or an icon-only button's label, names it.",
	example: `import { IconBell } from "../components/kit/icons";\n<IconBell size={20} />`,
	render: () => (
		<>
			<Example title="The set (24 px)" wide>
				{ALL.map(([name, Icon]) => (
					<span key={name} class="catalogue-icon">
						<Icon />
						<small>{name.slice(4)}</small>
					</span>
				))}
			</Example>
			<Example title="Sizes 16, 20, 24, 32">
				{[16, 20, 24, 32].map((size) => (
					<icons.IconBell key={size} size={size} />
				))}
			</Example>
			<Example title="Busy (turns unless reduced motion is asked for)">
				<icons.IconSpinner size={20} />
			</Example>
		</>
	),
});
