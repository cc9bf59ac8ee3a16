/** Choices: checkbox, radio group, select and the combobox with search (filled, and open with a query). */
import { useSignal } from "@preact/signals";
import { CheckboxField } from "../../components/form-kit/checkbox-field";
import { Combobox } from "../../components/form-kit/combobox";
import { RadioGroup } from "../../components/form-kit/radio-group";
import { SelectField } from "../../components/form-kit/select-field";
import { Example } from "../example";
import { defineStory } from "../story";
import { usePrepare } from "../use-prepare";

const ZONES = ["Europe/London", "Europe/Paris", "America/New_York", "America/Los_Angeles", "Asia/Tokyo", "Australia/Sydney"].map(
	(zone) => ({
		value: zone,
		label: zone,
	}),
);
const ROLES = [
	{ value: "staff", label: "Staff" },
	{ value: "admin", label: "Admin" },
	{ value: "owner", label: "Owner" },
] as const;
type Role = (typeof ROLES)[number]["value"];

/** A combobox opened by typing "america" into it on arrival. */
function OpenCombobox() {
	const zone = useSignal("Europe/London");
	const box = usePrepare<HTMLDivElement>([
		(element) => {
			const input = element.querySelector("input");
			if (!input) return;
			input.focus();
			input.value = "america";
			input.dispatchEvent(new Event("input", { bubbles: true }));
		},
	]);
	return (
		<div ref={box} class="catalogue-stack catalogue-combobox-open">
			<Combobox id="ch-zone-open" label="Time zone" value={zone.value} options={ZONES} onChange={(v) => (zone.value = v)} />
		</div>
	);
}

function Choices() {
	const notify = useSignal(true);
	const agree = useSignal(false);
	const role = useSignal<Role>("staff");
	const plan = useSignal<Role>("admin");
	const zone = useSignal("America/New_York");
	return (
		<>
			<Example title="Checkboxes (one with an error)">
				<div class="catalogue-stack">
					<CheckboxField
						id="ch-notify"
						label="Email me when a client replies"
						checked={notify.value}
						onChange={(v) => (notify.value = v)}
					/>
					<CheckboxField
						id="ch-agree"
						label="I accept the terms"
						error="You must accept the terms"
						checked={agree.value}
						onChange={(v) => (agree.value = v)}
					/>
				</div>
			</Example>
			<Example title="Radio group with a hint">
				<div class="catalogue-stack">
					<RadioGroup
						id="ch-role"
						label="Role"
						hint="Admins manage the team and billing."
						value={role.value}
						options={ROLES}
						onChange={(v) => (role.value = v)}
					/>
				</div>
			</Example>
			<Example title="Select, combobox">
				<div class="catalogue-stack">
					<SelectField id="ch-plan" label="Default role" value={plan.value} options={ROLES} onChange={(v) => (plan.value = v)} />
					<Combobox id="ch-zone" label="Client's time zone" value={zone.value} options={ZONES} onChange={(v) => (zone.value = v)} />
				</div>
			</Example>
			<Example title="Combobox open, filtered by “america”">
				<OpenCombobox />
			</Example>
		</>
	);
}

export default defineStory({
	id: "choices",
	title: "Choices",
	group: "Forms",
	sources: [
		"components/form-kit/checkbox-field.tsx",
		"components/form-kit/radio-group.tsx",
		"components/form-kit/select-field.tsx",
		"components/form-kit/combobox.tsx",
	],
	usage:
		"Checkbox and radio group for a few choices, a select for a short list, the combobox for a long one: typing filters, arrows move, Enter chooses, Escape closes.",
	example: `<Combobox id="tz" name="timeZone" label="Time zone" value={v.timeZone} options={zones} onChange={(z) => draft.set("timeZone", z)} />`,
	render: () => <Choices />,
});
