/**
 * The service worker's life cycle as the user sees it. Registered through workbox-window; when a
 * new version has installed and waits, `updateAvailable` turns true and `applyUpdate` switches to
 * it (the page reloads once the new worker controls it). The worker never skips waiting by itself.
 */
import { signal } from "@preact/signals";
import { Workbox } from "workbox-window";

export const updateAvailable = signal(false);

let workbox: Workbox | null = null;

/** `onFirstControl` runs when a service worker first takes control of this page (not on updates, which reload). */
export function registerServiceWorker(onFirstControl: () => void): void {
	if (!("serviceWorker" in navigator) || import.meta.env.DEV) return;
	const wb = new Workbox("/sw.js");
	wb.addEventListener("waiting", () => {
		updateAvailable.value = true;
	});
	wb.addEventListener("controlling", (event) => {
		if (!event.isUpdate) onFirstControl();
	});
	workbox = wb;
	void wb.register();
	// An installed app can stay open for days: look for a new version whenever it comes back to the front.
	document.addEventListener("visibilitychange", () => {
		if (document.visibilityState === "visible") void wb.update();
	});
}

export function applyUpdate(): void {
	if (!workbox) return;
	workbox.addEventListener("controlling", () => window.location.reload());
	workbox.messageSkipWaiting();
}
