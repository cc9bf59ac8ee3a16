/**
 * The main navigation on wider screens (768 px and up): a sidebar with every area the person's role
 * and permissions open, each with its icon, the current one marked with aria-current. It collapses
 * to icons (remembered on this device); collapsed, each link keeps its name for screen readers and
 * shows it as a tooltip on hover and keyboard focus.
 */
import { useLocation } from "preact-iso";
import { visibleAreas } from "../models/areas";
import { IconChevronLeft, IconChevronRight } from "./kit/icons";
import { AreaBadge } from "./navigation/area-badge";
import { AreaIcon } from "./navigation/area-icon";
import { currentMark } from "./navigation/is-current";
import { sidebarCollapsed, toggleSidebar } from "./navigation/layout-state";
import "./navigation/navigation.css";

export function MainNav() {
	const { path } = useLocation();
	const collapsed = sidebarCollapsed.value;
	return (
		<nav id="main-nav" aria-label="Main" class={collapsed ? "sidebar collapsed" : "sidebar"}>
			<ul>
				{visibleAreas.value.map((area) => (
					<li key={area.path}>
						<a href={area.path} aria-current={currentMark(area.path, path)}>
							<AreaIcon path={area.path} />
							<span class="sidebar-label">{area.label}</span>
							<AreaBadge path={area.path} />
						</a>
					</li>
				))}
			</ul>
			<button type="button" class="sidebar-toggle" onClick={toggleSidebar}>
				{collapsed ? <IconChevronRight size={20} /> : <IconChevronLeft size={20} />}
				<span class="sidebar-label">{collapsed ? "Expand sidebar" : "Collapse sidebar"}</span>
			</button>
		</nav>
	);
}
