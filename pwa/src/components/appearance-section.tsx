/** The Account page's appearance choice: the agency's default, light, dark or the device's setting, applied at once. */
import type { PersonAppearance } from "../../../schema/theme";
import { appearanceProblem, chooseAppearance } from "../models/appearance";
import { host, me } from "../models/session";
import { FormAlert } from "./form-kit/form-alert";
import { RadioGroup } from "./form-kit/radio-group";

type Choice = PersonAppearance | "agency";

export function AppearanceSection() {
	const current = me.value?.profile.appearance ?? null;
	const agencyDefault = host.value?.kind === "tenant" ? host.value.brand.defaultAppearance : "light";
	const options = [
		{ value: "agency", label: `Your agency's choice (${agencyDefault})` },
		{ value: "light", label: "Light" },
		{ value: "dark", label: "Dark" },
		{ value: "system", label: "Same as this device" },
	] as const;
	const problem = appearanceProblem.value;
	return (
		<section class="card" aria-labelledby="appearance-heading">
			<h2 id="appearance-heading">Appearance</h2>
			<FormAlert message={problem ? (problem.fields.appearance ?? problem.detail) : null} />
			<RadioGroup<Choice>
				id="appearance"
				label="Colours"
				value={current ?? "agency"}
				options={options}
				onChange={(choice) => void chooseAppearance(choice === "agency" ? null : choice)}
				hint="Changes at once, on every device you sign in on."
			/>
		</section>
	);
}
