/**
 * A sheet: a modal panel that slides up from the bottom on a phone and in from the side on a wide
 * screen, for secondary content (filters, details, the "More" places). Same behaviour as Dialog
 * (focus trapped, Escape, backdrop and the phone's back button close it, focus returns to the
 * opener): render it only while it is open.
 *
 *   {open.value && (
 *     <Sheet title="More" onClose={() => (open.value = false)}>
 *       <ul>…</ul>
 *     </Sheet>
 *   )}
 */
import type { ComponentChildren } from "preact";
import { useId, useRef } from "preact/hooks";
import { Button } from "./button";
import { IconClose } from "./icons";
import "./modal.css";
import { useModal } from "./use-modal";

export type SheetProps = {
	title: string;
	onClose: () => void;
	children?: ComponentChildren;
	/** Where it comes from on a wide screen (on a phone it always rises from the bottom). */
	side?: "end" | "bottom";
	class?: string;
};

export function Sheet({ title, onClose, children, side = "end", class: extra }: SheetProps) {
	const ref = useRef<HTMLDialogElement>(null);
	const titleId = useId();
	useModal(ref, onClose);
	const classes = `kit-modal kit-sheet kit-sheet-${side}${extra ? ` ${extra}` : ""}`;
	return (
		<dialog ref={ref} class={classes} aria-labelledby={titleId} aria-modal="true">
			<div class="kit-modal-inner">
				<header class="kit-modal-header">
					<h2 id={titleId}>{title}</h2>
					<Button variant="ghost" size="small" icon={IconClose} label="Close" onClick={onClose} />
				</header>
				<div class="kit-modal-body">{children}</div>
			</div>
		</dialog>
	);
}
