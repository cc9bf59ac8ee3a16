/** The onboarding a new agency starts with until an admin designs its own: the five step kinds, in a sensible order. */
import type { TemplateStepT } from "../../../schema/dto/onboarding";

export const DEFAULT_ONBOARDING_STEPS: TemplateStepT[] = [
	{
		id: "profile",
		kind: "profile",
		title: "Your company",
		description: "Tell us who you are and where to send invoices.",
		required: true,
	},
	{
		id: "questionnaire",
		kind: "questionnaire",
		title: "About your project",
		description: "A few questions so we start on the right foot.",
		required: true,
		fields: [
			{ id: "goals", label: "What should this project achieve?", type: "long_text", required: true, help: "", options: [] },
			{
				id: "services",
				label: "Which services do you need?",
				type: "multi_choice",
				required: false,
				help: "",
				options: ["Strategy", "Design", "Development", "Marketing"],
			},
			{ id: "launch", label: "Ideal launch date", type: "date", required: false, help: "", options: [] },
			{ id: "brand_guide", label: "Brand guidelines (if you have them)", type: "file", required: false, help: "", options: [] },
		],
	},
	{
		id: "documents",
		kind: "documents",
		title: "Documents",
		description: "Upload what we need to get going.",
		required: false,
		documents: [{ id: "logo", name: "Your logo", description: "SVG or PNG, as large as you have it.", required: true }],
	},
	{
		id: "kickoff",
		kind: "kickoff_booking",
		title: "Book your kickoff call",
		description: "Pick a time for a first call with your team.",
		required: false,
	},
	{
		id: "agreement",
		kind: "agreement",
		title: "Service agreement",
		description: "Read and sign our agreement.",
		required: true,
		agreementText:
			"By signing, you agree to work with us under the terms of our proposal: we deliver the agreed services, you provide what we need on time, and invoices are due within 14 days.",
	},
];
