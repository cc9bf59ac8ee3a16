/** The main navigation: the areas the user's role sees, the current one marked with aria-current. */
import { useLocation } from "preact-iso";
import { visibleAreas } from "../models/areas";
import { NotificationBadge } from "./notification-badge";
import { UnreadBadge } from "./unread-badge";

export function MainNav({ open, onNavigate }: { open: boolean; onNavigate: () => void }) {
	const { path } = useLocation();
	return (
		<nav id="main-nav" aria-label="Main" class={open ? "nav open" : "nav"}>
			<ul>
				{visibleAreas.value.map((area) => (
					<li key={area.path}>
						<a href={area.path} aria-current={path === area.path ? "page" : undefined} onClick={onNavigate}>
							{area.label}
							{area.path === "/messages" && <UnreadBadge />}
							{area.path === "/notifications" && <NotificationBadge />}
						</a>
					</li>
				))}
			</ul>
		</nav>
	);
}
