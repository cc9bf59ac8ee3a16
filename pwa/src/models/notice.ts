/** A short message for the whole app (e.g. "Signing out needs a connection"), read out by a live region. */
import { signal } from "@preact/signals";

export const notice = signal<string | null>(null);

export function showNotice(message: string): void {
	notice.value = message;
}

export function dismissNotice(): void {
	notice.value = null;
}
