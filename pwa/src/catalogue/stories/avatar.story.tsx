/** Avatar: initials on a colour from a seed, sizes, and a picture. */
import { Avatar } from "../../components/kit/avatar";
import { Example } from "../example";
import { defineStory } from "../story";

/** A 2 × 2 picture drawn in the page (no network): four flat colours. */
const PICTURE =
	"data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 2 2'%3E%3Crect width='1' height='1' fill='%231f4ed8'/%3E%3Crect x='1' width='1' height='1' fill='%230f766e'/%3E%3Crect y='1' width='1' height='1' fill='%23b45309'/%3E%3Crect x='1' y='1' width='1' height='1' fill='%237c3aed'/%3E%3C/svg%3E";

const PEOPLE = ["Ada Lovelace", "Grace Hopper", "Alan Turing", "Katherine Johnson", "Linus", "Margaret Hamilton"];

export default defineStory({
	id: "avatar",
	title: "Avatar",
	group: "Primitives",
	sources: ["components/kit/avatar.tsx", "components/kit/avatar-colour.ts"],
	usage:
		"A person's picture, or their initials on a colour derived from their id that keeps white text at AA. Pass decorative when the name is shown beside it.",
	example: `<Avatar name={person.name} src={person.avatarUrl} seed={person.id} size={32} decorative />`,
	render: () => (
		<>
			<Example title="Initials, by seed">
				{PEOPLE.map((name) => (
					<Avatar key={name} name={name} seed={`person-${name}`} />
				))}
			</Example>
			<Example title="Sizes 24, 32, 40, 64">
				{[24, 32, 40, 64].map((size) => (
					<Avatar key={size} name="Ada Lovelace" seed="person-ada" size={size} />
				))}
			</Example>
			<Example title="Picture, and decorative beside a name">
				<Avatar name="Grace Hopper" src={PICTURE} size={40} />
				<span class="catalogue-inline">
					<Avatar name="Alan Turing" seed="person-alan" size={32} decorative /> Alan Turing
				</span>
			</Example>
		</>
	),
});
