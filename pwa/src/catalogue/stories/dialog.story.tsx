/** Dialog: open on arrival (a modal covers the page), with a field and actions; reopened by its button. */
import { useSignal } from "@preact/signals";
import { Field } from "../../components/form-kit/text-field";
import { Button } from "../../components/kit/button";
import { Dialog } from "../../components/kit/dialog";
import { Example } from "../example";
import { defineStory } from "../story";

function DialogDemo() {
	const open = useSignal(true);
	const name = useSignal("Brand guidelines.pdf");
	const close = () => {
		open.value = false;
	};
	return (
		<>
			<Button onClick={() => (open.value = true)}>Rename file</Button>
			{open.value && (
				<Dialog
					title="Rename file"
					onClose={close}
					actions={
						<>
							<Button onClick={close}>Cancel</Button>
							<Button variant="primary" block={false} onClick={close}>
								Save
							</Button>
						</>
					}
				>
					<Field id="dialog-name" label="Name" value={name.value} onInput={(value) => (name.value = value)} />
				</Dialog>
			)}
		</>
	);
}

export default defineStory({
	id: "dialog",
	title: "Dialog",
	group: "Overlays",
	sources: ["components/kit/dialog.tsx", "components/kit/use-modal.ts"],
	usage:
		"A modal on the native <dialog>: focus trapped, Escape, the backdrop and the phone's back button close it, focus returns to the opener. Render it only while open; for a yes/no question use confirm().",
	example: `{open.value && <Dialog title="Rename file" onClose={close} actions={…}><Field … /></Dialog>}`,
	render: () => (
		<Example title="Open">
			<DialogDemo />
		</Example>
	),
});
