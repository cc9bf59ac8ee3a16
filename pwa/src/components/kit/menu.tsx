/**
 * A menu button (WAI-ARIA menu button pattern): a button that opens a list of actions. Enter,
 * Space or ArrowDown open it on the first item, ArrowUp on the last; arrows move (wrapping),
 * Home/End jump, typing letters jumps to the matching item, Enter/Space runs it, Escape closes and
 * returns focus to the button, Tab or a click elsewhere closes. An item with `checked` is a
 * menuitemcheckbox: choosing it toggles it and the menu stays open, so several can be changed in turn
 * (the data table's column choice).
 *
 *   <Menu label="Actions for Acme" icon={IconMore} items={[
 *     { label: "Rename", onSelect: rename },
 *     { label: "Delete", onSelect: remove, danger: true },
 *   ]} />
 */
import type { ComponentChildren } from "preact";
import { useEffect, useId, useLayoutEffect, useRef, useState } from "preact/hooks";
import { Button, type ButtonSize, type ButtonVariant } from "./button";
import { IconCheck, type IconComponent } from "./icons";
import "./menu.css";
import { moveIndex, typeaheadIndex } from "./menu-keys";

export type MenuItem = {
	/** The visible text, also what typeahead matches. */
	label: string;
	onSelect: () => void;
	danger?: boolean;
	disabled?: boolean;
	/** Makes the item a checkbox (role menuitemcheckbox) in this state; choosing it keeps the menu open. */
	checked?: boolean;
	/** The accessible name when the label alone says too little out of sight ("Show the Email column"); it must contain the label. */
	name?: string;
};

export type MenuProps = {
	/** The button's accessible name (and its text unless `children` is given or it is icon-only). */
	label: string;
	items: MenuItem[];
	icon?: IconComponent;
	/** Visible text of the button; without it and with an icon, the button is icon-only. */
	children?: ComponentChildren;
	variant?: ButtonVariant;
	size?: ButtonSize;
	align?: "start" | "end";
};

export function Menu({ label, items, icon, children, variant = "secondary", size = "small", align = "end" }: MenuProps) {
	const [open, setOpen] = useState(false);
	const [active, setActive] = useState(-1);
	const root = useRef<HTMLDivElement>(null);
	const button = useRef<HTMLDivElement>(null);
	const itemRefs = useRef<(HTMLButtonElement | null)[]>([]);
	const typed = useRef({ query: "", at: 0 });
	const menuId = useId();

	const openAt = (index: number) => {
		setOpen(true);
		setActive(index);
	};
	const close = (refocus: boolean) => {
		setOpen(false);
		setActive(-1);
		if (refocus) button.current?.querySelector("button")?.focus();
	};

	// A layout effect, run as the render commits: a plain effect waits for the paint, and a key pressed
	// meanwhile (Home right after a typeahead letter) moved focus on, which the late effect then took
	// back to the item of the render before.
	useLayoutEffect(() => {
		if (open && active >= 0) itemRefs.current[active]?.focus();
	}, [open, active]);

	useEffect(() => {
		if (!open) return;
		const onPointer = (event: PointerEvent) => {
			if (!root.current?.contains(event.target as Node)) close(false);
		};
		document.addEventListener("pointerdown", onPointer);
		return () => document.removeEventListener("pointerdown", onPointer);
	}, [open]);

	/** Focus moves at once (not after the next render), so a key pressed right after lands on the new item. */
	const moveTo = (index: number) => {
		itemRefs.current[index]?.focus();
		setActive(index);
	};

	const choose = (index: number) => {
		const item = items[index];
		if (!item || item.disabled) return;
		if (item.checked === undefined) close(true);
		item.onSelect();
	};

	const onMenuKey = (event: KeyboardEvent) => {
		// Read from focus, not state: several keys can arrive before the next render.
		const focused = itemRefs.current.indexOf(document.activeElement as HTMLButtonElement | null);
		const current = focused >= 0 ? focused : active;
		const moved = moveIndex(current, event.key, items.length);
		if (moved !== null) {
			event.preventDefault();
			moveTo(moved);
			return;
		}
		if (event.key === "Escape") {
			event.preventDefault();
			event.stopPropagation();
			close(true);
		} else if (event.key === "Tab") {
			close(false);
		} else if (event.key === " " || event.key === "Enter") {
			// The focused item is a button: the browser turns Enter and Space into its click.
		} else if (event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey) {
			const now = Date.now();
			typed.current = { query: now - typed.current.at < 700 ? typed.current.query + event.key : event.key, at: now };
			const found = typeaheadIndex(
				items.map((i) => i.label),
				current,
				typed.current.query,
			);
			if (found !== null) moveTo(found);
		}
	};

	const triggerProps = {
		variant,
		size,
		icon,
		"aria-haspopup": "menu" as const,
		"aria-expanded": open ? ("true" as const) : ("false" as const),
		"aria-controls": open ? menuId : undefined,
		onClick: () => (open ? close(false) : openAt(0)),
		onKeyDown: (event: KeyboardEvent) => {
			if (event.key === "ArrowDown") {
				event.preventDefault();
				openAt(0);
			} else if (event.key === "ArrowUp") {
				event.preventDefault();
				openAt(items.length - 1);
			}
		},
	};

	return (
		<div class="kit-menu" ref={root}>
			<div ref={button} class="kit-menu-trigger">
				{children === undefined && icon ? (
					<Button {...triggerProps} label={label} />
				) : (
					<Button {...triggerProps}>{children ?? label}</Button>
				)}
			</div>
			{open && (
				<div id={menuId} role="menu" aria-label={label} class={`kit-menu-list kit-menu-${align}`} onKeyDown={onMenuKey}>
					{items.map((item, index) => {
						const common = {
							type: "button" as const,
							ref: (el: HTMLButtonElement | null) => {
								itemRefs.current[index] = el;
							},
							"aria-label": item.name,
							tabIndex: -1,
							"aria-disabled": item.disabled ? ("true" as const) : undefined,
							class: item.danger ? "kit-menu-item danger" : "kit-menu-item",
							onClick: () => choose(index),
							onPointerMove: () => setActive(index),
						};
						return item.checked === undefined ? (
							<button key={item.label} {...common} role="menuitem">
								{item.label}
							</button>
						) : (
							<button key={item.label} {...common} role="menuitemcheckbox" aria-checked={item.checked}>
								<span class="kit-menu-check">{item.checked && <IconCheck size={16} />}</span>
								{item.label}
							</button>
						);
					})}
				</div>
			)}
		</div>
	);
}
