/** List or Board on the Projects page: two toggle buttons (aria-pressed); the choice is remembered on this device. */
import { chooseProjectsView, type ProjectsView, projectsView } from "../models/projects-board";
import { Button } from "./kit/button";
import "./projects-view.css";

const VIEWS: { view: ProjectsView; label: string }[] = [
	{ view: "list", label: "List" },
	{ view: "board", label: "Board" },
];

export function ProjectsViewSwitch() {
	return (
		<fieldset class="view-switch">
			<legend class="visually-hidden">View</legend>
			{VIEWS.map(({ view, label }) => (
				<Button
					key={view}
					size="small"
					variant={projectsView.value === view ? "primary" : "secondary"}
					block={false}
					aria-pressed={projectsView.value === view}
					onClick={() => chooseProjectsView(view)}
				>
					{label}
				</Button>
			))}
		</fieldset>
	);
}
