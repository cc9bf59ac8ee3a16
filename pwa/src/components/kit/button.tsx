/**
 * The kit's button: one component for every action, in four variants (primary for the page's main
 * action, secondary, danger for destructive ones, ghost for quiet ones in toolbars and rows) and two
 * sizes. An icon-only button must be given a `label` (the types enforce it), which becomes its
 * accessible name. `loading` keeps the button focusable and its width, shows a spinner and ignores
 * clicks, so a double tap never sends twice. On a touch screen every button is at least 44 px.
 *
 *   <Button variant="danger" icon={IconTrash} loading={busy} onClick={remove}>Delete</Button>
 *   <Button variant="ghost" size="small" icon={IconClose} label="Dismiss" onClick={close} />
 *   <a href="/clients" class={buttonClass({ variant: "secondary" })}>All clients</a>
 */
import type { ButtonHTMLAttributes, ComponentChildren } from "preact";
import "./button.css";
import { type IconComponent, IconSpinner } from "./icons";

/** `link` reads as a link in running text (a breadcrumb, a record's title that opens a panel); `inverse` sits on a dark bar. */
export type ButtonVariant = "primary" | "secondary" | "danger" | "ghost" | "link" | "inverse";
export type ButtonSize = "small" | "medium";

type Base = Omit<ButtonHTMLAttributes<HTMLButtonElement>, "size" | "icon" | "label" | "loading" | "children"> & {
	variant?: ButtonVariant;
	size?: ButtonSize;
	/** Shows a spinner, sets aria-busy and ignores clicks until it is false again. */
	loading?: boolean;
	icon?: IconComponent;
	/** Primary buttons fill their row (forms on a phone); set false for an inline primary. */
	block?: boolean;
};

export type ButtonProps = Base & ({ children: ComponentChildren; label?: string } | { children?: undefined; label: string });

/** The class list of a button, for links that look like one (`<a class={buttonClass(...)}>`). */
export function buttonClass({
	variant = "secondary",
	size = "medium",
	iconOnly = false,
	block = variant === "primary",
	extra,
}: {
	variant?: ButtonVariant;
	size?: ButtonSize;
	iconOnly?: boolean;
	block?: boolean;
	extra?: string;
}): string {
	const parts = ["button", variant];
	if (size === "small") parts.push("small");
	if (iconOnly) parts.push("icon-only");
	if (!block && variant === "primary") parts.push("inline");
	if (extra) parts.push(extra);
	return parts.join(" ");
}

export function Button({
	variant = "secondary",
	size = "medium",
	loading = false,
	icon: Icon,
	block,
	label,
	children,
	type = "button",
	class: extra,
	onClick,
	...rest
}: ButtonProps) {
	const iconOnly = children === undefined;
	const iconSize = size === "small" ? 16 : 20;
	return (
		<button
			{...rest}
			type={type}
			class={buttonClass({ variant, size, iconOnly, block, extra: typeof extra === "string" ? extra : undefined })}
			aria-label={label}
			aria-busy={loading ? "true" : undefined}
			aria-disabled={loading ? "true" : rest["aria-disabled"]}
			onClick={(event) => {
				if (loading) {
					event.preventDefault();
					return;
				}
				onClick?.(event);
			}}
		>
			{loading ? <IconSpinner size={iconSize} /> : Icon && <Icon size={iconSize} />}
			{children}
		</button>
	);
}
