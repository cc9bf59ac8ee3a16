/**
 * A colour field of the form kit: one field per colour, its hex text (the labelled control, what a
 * keyboard or screen-reader user types) beside a swatch that opens the device's colour picker, both
 * writing the same value. `verdict` is a live line under it (a contrast check as the person types):
 * it describes the control, and a failing one marks it invalid. The error comes from the enclosing
 * Form by `name`, as for every field (field-shell.tsx).
 *
 *   <ColourField id="primaryColor" label="Brand colour" value={hex} fallback="#1f4ed8" onInput={set}
 *     verdict={{ text: "4.8:1 — meets WCAG AA.", failing: false }} />
 */
import { FieldShell, type FieldShellProps } from "./field-shell";
import "./form-kit.css";

const HEX = /^#[0-9a-f]{6}$/i;

type ColourFieldProps = Omit<FieldShellProps, "children" | "layout" | "labelHidden"> & {
	/** The colour as typed (`#rrggbb` once valid). */
	value: string;
	onInput: (value: string) => void;
	/** What the swatch shows while the text is not a valid colour yet. */
	fallback: string;
	/** A live check of the value, read with the field (id `<id>-verdict`). */
	verdict?: { text: string; failing: boolean };
};

export function ColourField({ value, onInput, fallback, verdict, ...shell }: ColourFieldProps) {
	return (
		<FieldShell {...shell}>
			{(control) => {
				const describedBy = [control["aria-describedby"], verdict ? `${shell.id}-verdict` : null].filter(Boolean).join(" ") || undefined;
				return (
					<>
						<div class="colour-row">
							<input
								type="color"
								class="colour-swatch"
								aria-label={`${shell.label} picker`}
								value={HEX.test(value) ? value.toLowerCase() : fallback}
								onInput={(event) => onInput(event.currentTarget.value)}
							/>
							<input
								{...control}
								type="text"
								value={value}
								maxLength={7}
								required
								autoCapitalize="none"
								spellcheck={false}
								aria-invalid={control["aria-invalid"] ?? (verdict?.failing ? "true" : undefined)}
								aria-describedby={describedBy}
								onInput={(event) => onInput(event.currentTarget.value)}
							/>
						</div>
						{verdict && (
							<p id={`${shell.id}-verdict`} class={verdict.failing ? "field-error" : "field-hint"} aria-live="polite">
								{verdict.text}
							</p>
						)}
					</>
				);
			}}
		</FieldShell>
	);
}
