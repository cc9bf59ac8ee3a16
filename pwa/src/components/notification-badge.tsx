/** The unread notifications count on the Notifications navigation entry (read when the app opens and on each visit). */
import { useEffect } from "preact/hooks";
import { notificationsUnread, refreshNotificationCount } from "../models/notifications";
import { CountBadge } from "./kit/badge";

export function NotificationBadge() {
	useEffect(() => void refreshNotificationCount(), []);
	return <CountBadge count={notificationsUnread.value} label="unread" testId="notification-badge" />;
}
