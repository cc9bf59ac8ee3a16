/** Whether the browser believes it is online, as a signal for the header's offline indicator. */
import { signal } from "@preact/signals";

export const online = signal(navigator.onLine);

export function watchConnectivity(): void {
	window.addEventListener("online", () => {
		online.value = true;
	});
	window.addEventListener("offline", () => {
		online.value = false;
	});
}
