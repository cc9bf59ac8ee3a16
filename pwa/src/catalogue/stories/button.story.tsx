/** Button: variants, sizes, icons, loading and disabled, and a link styled as a button. */
import { Button, buttonClass } from "../../components/kit/button";
import { IconDownload, IconMore, IconTrash } from "../../components/kit/icons";
import { Example } from "../example";
import { defineStory } from "../story";

export default defineStory({
	id: "button",
	title: "Button",
	group: "Primitives",
	sources: ["components/kit/button.tsx"],
	usage:
		"One primary action per page; secondary for the rest, danger for what destroys, ghost in toolbars and rows. An icon-only button needs a label; loading ignores clicks so a double tap sends once.",
	example: `<Button variant="danger" icon={IconTrash} loading={busy} onClick={remove}>Delete</Button>`,
	render: () => (
		<>
			<Example title="Variants">
				<Button variant="primary" block={false}>
					Save
				</Button>
				<Button>Cancel</Button>
				<Button variant="danger">Delete</Button>
				<Button variant="ghost">Skip</Button>
			</Example>
			<Example title="Small">
				<Button variant="primary" size="small" block={false}>
					Save
				</Button>
				<Button size="small">Cancel</Button>
				<Button variant="danger" size="small">
					Delete
				</Button>
				<Button variant="ghost" size="small">
					Skip
				</Button>
			</Example>
			<Example title="With an icon, icon only">
				<Button icon={IconDownload}>Download</Button>
				<Button variant="danger" icon={IconTrash}>
					Delete
				</Button>
				<Button variant="ghost" icon={IconMore} label="More actions" />
				<Button size="small" icon={IconTrash} label="Delete file" />
			</Example>
			<Example title="Loading, disabled">
				<Button variant="primary" block={false} loading>
					Saving…
				</Button>
				<Button loading>Sending</Button>
				<Button disabled>Unavailable</Button>
				<Button variant="primary" block={false} disabled>
					Send
				</Button>
			</Example>
			<Example title="Primary filling its row (forms on a phone)" wide>
				<Button variant="primary">Create project</Button>
			</Example>
			<Example title="A link that looks like a button">
				<a href="#clients" class={buttonClass({ variant: "secondary" })}>
					All clients
				</a>
				<a href="#new" class={buttonClass({ variant: "primary", block: false })}>
					New client
				</a>
			</Example>
		</>
	),
});
