/** confirm(): the question asked on arrival, with its host mounted here as frame-overlays.tsx mounts it in the app. */
import { useSignal } from "@preact/signals";
import { useEffect } from "preact/hooks";
import { Button } from "../../components/kit/button";
import { ConfirmHost, confirm } from "../../components/kit/confirm";
import { Example } from "../example";
import { defineStory } from "../story";

function ConfirmDemo() {
	const answer = useSignal<string>("Not answered yet.");
	const ask = () =>
		void confirm({
			title: "Archive Acme Ltd?",
			message: "Its projects stay readable; you can restore it from the archive.",
			confirmLabel: "Archive",
			danger: true,
		}).then((ok) => (answer.value = ok ? "Archived." : "Kept."));
	// Asked once the host is mounted (effects run children first), so the question shows on arrival.
	useEffect(ask, []);
	return (
		<>
			<Button variant="danger" onClick={ask}>
				Archive
			</Button>
			<p role="status">{answer.value}</p>
		</>
	);
}

export default defineStory({
	id: "confirm",
	title: "Confirm",
	group: "Overlays",
	sources: ["components/kit/confirm.tsx"],
	usage:
		"Instead of window.confirm: an alertdialog that resolves true or false, Cancel focused first so Enter never destroys by accident. Its host is already mounted in the app frame.",
	example: `if (await confirm({ title: "Delete this conversation?", confirmLabel: "Delete", danger: true })) void remove();`,
	render: () => (
		<Example title="Asking (danger)">
			<ConfirmHost />
			<ConfirmDemo />
		</Example>
	),
});
