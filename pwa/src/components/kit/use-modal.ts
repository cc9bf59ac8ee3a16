/**
 * What every modal surface of the kit (dialog, sheet) does while it is open, on a native <dialog>
 * shown with showModal(): the page behind is inert (the browser's top layer), Tab and Shift+Tab
 * wrap inside the surface, Escape and a click on the backdrop close, the phone's back button closes (an entry is pushed onto
 * history while open and popped when the surface closes another way), and focus returns to the
 * element that opened it. Mount the surface only while it is open; closing is unmounting.
 */
import type { RefObject } from "preact";
import { useEffect, useRef } from "preact/hooks";

const FOCUSABLE =
	'a[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/** The elements Tab reaches inside `root`, in order. */
export function focusableIn(root: HTMLElement): HTMLElement[] {
	return [...root.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((el) => !el.closest("[inert]") && el.getClientRects().length > 0);
}

let counter = 0;

export function useModal(ref: RefObject<HTMLDialogElement | null>, onClose: () => void): void {
	const close = useRef(onClose);
	close.current = onClose;

	useEffect(() => {
		const dialog = ref.current;
		if (!dialog) return;
		const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
		if (!dialog.open) dialog.showModal();
		const initial = dialog.querySelector<HTMLElement>("[autofocus], [data-autofocus]") ?? focusableIn(dialog)[0];
		initial?.focus();

		const marker = `kit-modal-${++counter}`;
		history.pushState({ ...(history.state as object | null), kitModal: marker }, "");
		let popped = false;
		const onPop = () => {
			// Back from a surface opened on top of this one lands on this one's entry: not ours to close.
			if ((history.state as { kitModal?: string } | null)?.kitModal === marker) return;
			popped = true;
			close.current();
		};
		const onCancel = (event: Event) => {
			event.preventDefault();
			close.current();
		};
		const onKeyDown = (event: KeyboardEvent) => {
			if (event.key !== "Tab") return;
			const items = focusableIn(dialog);
			if (items.length === 0) {
				event.preventDefault();
				return;
			}
			const first = items[0] as HTMLElement;
			const last = items[items.length - 1] as HTMLElement;
			const active = document.activeElement;
			if (event.shiftKey && (active === first || !dialog.contains(active))) {
				event.preventDefault();
				last.focus();
			} else if (!event.shiftKey && (active === last || !dialog.contains(active))) {
				event.preventDefault();
				first.focus();
			}
		};
		// A click whose target is the <dialog> itself landed on the backdrop (the content fills the box).
		const onClick = (event: MouseEvent) => {
			if (event.target === dialog) close.current();
		};
		window.addEventListener("popstate", onPop);
		dialog.addEventListener("click", onClick);
		dialog.addEventListener("cancel", onCancel);
		dialog.addEventListener("keydown", onKeyDown);
		return () => {
			window.removeEventListener("popstate", onPop);
			dialog.removeEventListener("cancel", onCancel);
			dialog.removeEventListener("keydown", onKeyDown);
			dialog.removeEventListener("click", onClick);
			if (dialog.open) dialog.close();
			if (!popped && (history.state as { kitModal?: string } | null)?.kitModal === marker) history.back();
			if (opener?.isConnected) opener.focus();
		};
	}, []);
}
