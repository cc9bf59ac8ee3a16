/**
 * `confirm()` — the kit's replacement for window.confirm: asks in a Dialog (alertdialog) and
 * resolves true when the person confirms, false on Cancel, Escape, the backdrop or the back button.
 * <ConfirmHost/> is mounted once in frame-overlays.tsx; outside the app frame (no host) it falls
 * back to the browser's own confirm. Cancel has focus first, so Enter never destroys by accident.
 *
 *   if (await confirm({ title: "Delete this conversation?", confirmLabel: "Delete", danger: true })) void remove();
 */
import { signal } from "@preact/signals";
import { useEffect } from "preact/hooks";
import { Button } from "./button";
import { Dialog } from "./dialog";

export type ConfirmRequest = {
	title: string;
	/** A sentence saying what happens. */
	message?: string;
	confirmLabel?: string;
	cancelLabel?: string;
	/** The confirm button is red (deleting, removing). */
	danger?: boolean;
};

type Pending = ConfirmRequest & { resolve: (ok: boolean) => void };

const pending = signal<Pending | null>(null);
let hosts = 0;

export function confirm(request: ConfirmRequest): Promise<boolean> {
	if (hosts === 0) return Promise.resolve(window.confirm(request.message ? `${request.title}\n\n${request.message}` : request.title));
	pending.value?.resolve(false);
	return new Promise((resolve) => {
		pending.value = { ...request, resolve };
	});
}

function settle(ok: boolean): void {
	const current = pending.value;
	if (!current) return;
	pending.value = null;
	current.resolve(ok);
}

export function ConfirmHost() {
	useEffect(() => {
		hosts++;
		return () => {
			hosts--;
			settle(false);
		};
	}, []);
	const request = pending.value;
	if (!request) return null;
	return (
		<Dialog
			role="alertdialog"
			title={request.title}
			onClose={() => settle(false)}
			actions={
				<>
					<Button data-autofocus onClick={() => settle(false)}>
						{request.cancelLabel ?? "Cancel"}
					</Button>
					<Button variant={request.danger ? "danger" : "primary"} block={false} onClick={() => settle(true)}>
						{request.confirmLabel ?? "OK"}
					</Button>
				</>
			}
		>
			{request.message && <p>{request.message}</p>}
		</Dialog>
	);
}
