/** Whether the browser thinks it is online, as a signal. */
import { signal } from "@preact/signals";

export const online = signal(typeof navigator === "undefined" ? true : navigator.onLine);

export function watchConnectivity(): void {
	window.addEventListener("online", () => {
		online.value = true;
	});
	window.addEventListener("offline", () => {
		online.value = false;
	});
}
