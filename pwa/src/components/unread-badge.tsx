/** The unread-messages count on the Messages navigation entry, live while the app is open. */
import { useEffect } from "preact/hooks";
import { unreadTotal, watchUnread } from "../models/unread";
import { CountBadge } from "./kit/badge";

export function UnreadBadge() {
	useEffect(() => watchUnread(), []);
	return <CountBadge count={unreadTotal.value} label="unread" testId="unread-badge" />;
}
