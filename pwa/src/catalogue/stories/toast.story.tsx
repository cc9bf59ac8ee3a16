/** Toasts: a confirmation with Undo and a failure, shown on arrival and kept until dismissed (the real Toaster). */
import { useEffect } from "preact/hooks";
import { Button } from "../../components/kit/button";
import { toast } from "../../components/kit/toast";
import { Example } from "../example";
import { defineStory } from "../story";

/** Long enough to stay while the page is looked at (and screenshotted). */
const KEPT = 60 * 60 * 1000;

function ToastDemo() {
	const archive = () =>
		toast.show({
			message: "Acme Ltd archived.",
			action: { label: "Undo", run: () => toast.show({ message: "Acme Ltd restored." }) },
			duration: KEPT,
		});
	useEffect(() => {
		archive();
		toast.show({ message: "Could not send: you are offline.", tone: "danger", duration: KEPT });
	}, []);
	return <Button onClick={archive}>Archive again</Button>;
}

export default defineStory({
	id: "toast",
	title: "Toast with Undo",
	group: "Overlays",
	sources: ["components/kit/toast.ts", "components/kit/toaster.tsx"],
	usage:
		"Confirms an action and may offer to undo it; announced politely, paused while hovered or focused. An Undo must really revert through the API. The Toaster is mounted once in the app frame.",
	example: `toast.show({ message: "Client archived.", action: { label: "Undo", run: () => setArchived(id, false) } });`,
	render: () => (
		<Example title="Shown at the bottom of the screen">
			<ToastDemo />
		</Example>
	),
});
