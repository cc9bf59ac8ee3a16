/** The unread-messages count on the Messages navigation entry, live while the app is open. */
import { useEffect } from "preact/hooks";
import { unreadTotal, watchUnread } from "../models/unread";

export function UnreadBadge() {
	useEffect(() => watchUnread(), []);
	const n = unreadTotal.value;
	if (n === 0) return null;
	return (
		<span class="nav-count" data-testid="unread-badge">
			{n > 99 ? "99+" : n}
			<span class="visually-hidden"> unread</span>
		</span>
	);
}
