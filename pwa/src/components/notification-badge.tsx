/** The unread notifications count on the Notifications navigation entry (read when the app opens and on each visit). */
import { useEffect } from "preact/hooks";
import { notificationsUnread, refreshNotificationCount } from "../models/notifications";

export function NotificationBadge() {
	useEffect(() => void refreshNotificationCount(), []);
	const n = notificationsUnread.value;
	if (n === 0) return null;
	return (
		<span class="nav-count" data-testid="notification-badge">
			{n > 99 ? "99+" : n}
			<span class="visually-hidden"> unread</span>
		</span>
	);
}
