/**
 * The service worker's lifecycle as seen by the user: registered through workbox-window; when a
 * new version is waiting, `updateAvailable` turns true and `applyUpdate` switches to it.
 */
import { signal } from "@preact/signals";
import { Workbox } from "workbox-window";

export const updateAvailable = signal(false);

let workbox: Workbox | null = null;

export function registerServiceWorker(): void {
	if (!("serviceWorker" in navigator) || import.meta.env.DEV) return;
	workbox = new Workbox("/sw.js");
	workbox.addEventListener("waiting", () => {
		updateAvailable.value = true;
	});
	void workbox.register();
}

export function applyUpdate(): void {
	if (!workbox) return;
	workbox.addEventListener("controlling", () => window.location.reload());
	workbox.messageSkipWaiting();
}
