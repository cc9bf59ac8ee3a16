/**
 * The theme part of Settings → Brand: a colour field with its live contrast verdict (used for the
 * primary and the accent colour), and the font, corner style and default appearance choices. The
 * state is the brand page's draft (models/brand-settings.ts); the server refuses, naming the field,
 * what the verdicts refuse (schema/theme-colors.ts).
 */
import { CORNER_STYLE_LABELS, CORNER_STYLES, THEME_FONT_LABELS, THEME_FONTS } from "../../../schema/theme";
import { accentVerdict, brandDraft, brandProblem } from "../models/brand-settings";
import { ColourField } from "./form-kit/colour-field";
import { RadioGroup } from "./form-kit/radio-group";
import { SelectField } from "./form-kit/select-field";

type ColorFieldProps = {
	id: "primaryColor" | "accentColor";
	label: string;
	fallback: string;
	verdict: { ratio: string | null; problem: string | null };
	passing: string;
};

/** One theme colour: the kit's colour field with the contrast verdict live as the admin picks, and the server's refusal. */
export function ColorField({ id, label, fallback, verdict, passing }: ColorFieldProps) {
	return (
		<ColourField
			id={id}
			label={label}
			value={brandDraft.values.value[id]}
			fallback={fallback}
			onInput={(value) => brandDraft.set(id, value)}
			verdict={{ text: verdict.problem ?? `${verdict.ratio} — ${passing}`, failing: verdict.problem !== null }}
			error={brandProblem.value?.fields[id]}
		/>
	);
}

const FONT_OPTIONS = THEME_FONTS.map((value) => ({ value, label: THEME_FONT_LABELS[value] }));
const CORNER_OPTIONS = CORNER_STYLES.map((value) => ({ value, label: CORNER_STYLE_LABELS[value] }));
const APPEARANCE_OPTIONS = [
	{ value: "light", label: "Light" },
	{ value: "dark", label: "Dark" },
] as const;

/** Accent colour (white label), font, corners and the default appearance. */
export function ThemeFields({ whiteLabel }: { whiteLabel: boolean }) {
	const draft = brandDraft.values.value;
	const fields = brandProblem.value?.fields ?? {};
	return (
		<>
			{whiteLabel && (
				<ColorField
					id="accentColor"
					label="Accent colour"
					fallback="#f59e0b"
					verdict={accentVerdict.value}
					passing="meets WCAG AA in light and dark."
				/>
			)}
			<SelectField
				id="font"
				label="Font"
				value={draft.font}
				options={FONT_OPTIONS}
				onChange={(v) => brandDraft.set("font", v)}
				error={fields.font}
				hint="Fonts your clients' devices already have: nothing is downloaded."
			/>
			<RadioGroup
				id="cornerStyle"
				label="Corners"
				value={draft.cornerStyle}
				options={CORNER_OPTIONS}
				onChange={(v) => brandDraft.set("cornerStyle", v)}
				error={fields.cornerStyle}
			/>
			<RadioGroup
				id="defaultAppearance"
				label="Default appearance"
				value={draft.defaultAppearance}
				options={APPEARANCE_OPTIONS}
				onChange={(v) => brandDraft.set("defaultAppearance", v)}
				error={fields.defaultAppearance}
				hint="What everyone sees until they choose light, dark or their device's setting on their Account page."
			/>
		</>
	);
}
