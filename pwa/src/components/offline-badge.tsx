/** Says so when the device is offline; what is on screen is then what was last loaded. */
import { online } from "../models/connectivity";

export function OfflineBadge() {
	return (
		<p role="status" class="offline-badge-region">
			{!online.value && <span class="offline-badge">Offline — showing what was saved on this device</span>}
		</p>
	);
}
