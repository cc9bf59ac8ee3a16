/**
 * The header's sync indicator: says so when the device is offline (what is on screen is then what
 * was saved on it), how many writes wait to be sent, changes that need the user's answer, and when
 * the device last synced. Empty (hidden) when online with nothing pending.
 */

import { formatTime } from "../lib/date-format";
import { online } from "../models/connectivity";
import { conflictCount, lastSyncAt, pendingCount } from "../models/sync-status";

function syncedAt(time: number | null): string {
	return time === null ? "not synced yet" : `last synced ${formatTime(time)}`;
}

export function OfflineBadge() {
	const pending = pendingCount.value;
	const conflicts = conflictCount.value;
	const show = !online.value || pending > 0 || conflicts > 0;
	return (
		<p role="status" class="offline-badge-region">
			{show && (
				<span class="offline-badge">
					{!online.value && "Offline — showing what was saved on this device"}
					{pending > 0 && <span class="sync-pending"> · {pending} pending</span>}
					{conflicts > 0 && <span class="sync-conflicts"> · {conflicts} to resolve</span>}
					<span class="sync-time"> · {syncedAt(lastSyncAt.value)}</span>
				</span>
			)}
		</p>
	);
}
