/** The Settings section's own navigation: the sub-pages this user may open, the current one marked. */
import { useLocation } from "preact-iso";
import { visibleSettingsPages } from "../models/settings-pages";

export function SettingsNav() {
	const { path } = useLocation();
	return (
		<nav aria-label="Settings" class="settings-nav">
			<ul>
				{visibleSettingsPages.value.map((page) => (
					<li key={page.path}>
						<a href={page.path} aria-current={path === page.path ? "page" : undefined}>
							{page.label}
						</a>
					</li>
				))}
			</ul>
		</nav>
	);
}
