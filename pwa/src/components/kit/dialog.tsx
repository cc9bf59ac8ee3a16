/**
 * A modal dialog on the native <dialog>: a title, a body and a row of actions. Render it only while
 * it is open; it traps focus, closes on Escape, on the backdrop and on the phone's back button, and
 * gives focus back to whatever opened it (see use-modal.ts). For a yes/no question use `confirm()`
 * from confirm.tsx instead of building one.
 *
 *   {open.value && (
 *     <Dialog title="Rename file" onClose={() => (open.value = false)}
 *       actions={<><Button onClick={close}>Cancel</Button><Button variant="primary" block={false} onClick={save}>Save</Button></>}>
 *       <Field ... />
 *     </Dialog>
 *   )}
 */
import type { ComponentChildren } from "preact";
import { useId, useRef } from "preact/hooks";
import { Button } from "./button";
import { IconClose } from "./icons";
import "./modal.css";
import { useModal } from "./use-modal";

export type DialogProps = {
	title: string;
	onClose: () => void;
	children?: ComponentChildren;
	/** Buttons at the foot, the main one last. */
	actions?: ComponentChildren;
	/** alertdialog for a question that interrupts (confirmations). */
	role?: "dialog" | "alertdialog";
	class?: string;
};

export function Dialog({ title, onClose, children, actions, role = "dialog", class: extra }: DialogProps) {
	const ref = useRef<HTMLDialogElement>(null);
	const titleId = useId();
	useModal(ref, onClose);
	return (
		<dialog
			ref={ref}
			class={extra ? `kit-modal kit-dialog ${extra}` : "kit-modal kit-dialog"}
			role={role === "alertdialog" ? "alertdialog" : undefined}
			aria-labelledby={titleId}
			aria-modal="true"
		>
			<div class="kit-modal-inner">
				<header class="kit-modal-header">
					<h2 id={titleId}>{title}</h2>
					<Button variant="ghost" size="small" icon={IconClose} label="Close" onClick={onClose} />
				</header>
				<div class="kit-modal-body">{children}</div>
				{actions && <footer class="kit-modal-actions">{actions}</footer>}
			</div>
		</dialog>
	);
}
