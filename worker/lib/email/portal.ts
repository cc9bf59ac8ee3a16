/** Emails of the client portal: a milestone completed, a task due soon; in the agency's brand. */
import { type EmailBrand, type RenderedEmail, renderEmail } from "./render";

export function milestoneCompletedEmail(input: {
	personName: string;
	agencyName: string;
	projectName: string;
	milestoneTitle: string;
	projectUrl: string;
	brand: EmailBrand;
}): RenderedEmail {
	return renderEmail({
		subject: `Milestone completed: ${input.milestoneTitle}`,
		heading: "Milestone completed",
		paragraphs: [
			`Hello ${input.personName},`,
			`${input.agencyName} completed "${input.milestoneTitle}" in ${input.projectName}.`,
			"See where the project stands and what comes next in your portal.",
		],
		action: { label: "Open the project", url: input.projectUrl },
		brand: input.brand,
	});
}

export function taskReminderEmail(input: {
	personName: string;
	taskTitle: string;
	projectName: string;
	dueAt: number;
	tasksUrl: string;
	brand: EmailBrand;
}): RenderedEmail {
	const due = new Date(input.dueAt).toUTCString();
	return renderEmail({
		subject: `Due soon: ${input.taskTitle}`,
		heading: "A task of yours is due soon",
		paragraphs: [`Hello ${input.personName},`, `"${input.taskTitle}" in ${input.projectName} is due ${due}.`],
		action: { label: "Open the task", url: input.tasksUrl },
		brand: input.brand,
	});
}
