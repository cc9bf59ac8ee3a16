/** The live count an area carries in any navigation: unread messages on Messages, unread notifications on Notifications. */
import { NotificationBadge } from "../notification-badge";
import { UnreadBadge } from "../unread-badge";

export function AreaBadge({ path }: { path: string }) {
	if (path === "/messages") return <UnreadBadge />;
	if (path === "/notifications") return <NotificationBadge />;
	return null;
}
