/**
 * The main navigation on a phone (below 768 px): a bottom tab bar with the person's four main areas
 * (models/areas.ts `tabAreas`, by role and permission) and a More button opening the More sheet with
 * the rest. Each tab is at least 44 px tall, sits above the home indicator (safe-area inset), and
 * keeps its live unread count (More carries the notifications count when Notifications is in the
 * sheet); the current area is marked with aria-current.
 */
import { useSignal } from "@preact/signals";
import { useLocation } from "preact-iso";
import { moreAreas, tabAreas } from "../../models/areas";
import { IconMore } from "../kit/icons";
import { AreaBadge } from "./area-badge";
import { AreaIcon } from "./area-icon";
import { currentMark } from "./is-current";
import { MoreSheet } from "./more-sheet";
import "./navigation.css";

export function TabBar() {
	const { path } = useLocation();
	const open = useSignal(false);
	const more = moreAreas.value;
	const inMore = more.some((area) => currentMark(area.path, path)) || path === "/account";
	return (
		<>
			<nav id="main-nav" aria-label="Main" class="tab-bar">
				<ul>
					{tabAreas.value.map((area) => (
						<li key={area.path}>
							<a href={area.path} aria-current={currentMark(area.path, path)}>
								<span class="tab-icon">
									<AreaIcon path={area.path} />
									<AreaBadge path={area.path} />
								</span>
								<span class="tab-label">{area.label}</span>
							</a>
						</li>
					))}
					<li>
						<button
							type="button"
							class={inMore ? "tab-more current" : "tab-more"}
							aria-haspopup="dialog"
							aria-expanded={open.value}
							onClick={() => {
								open.value = true;
							}}
						>
							<span class="tab-icon">
								<IconMore />
								{/* Unread notifications live in More: its button carries their count. */}
								{more.some((area) => area.path === "/notifications") && <AreaBadge path="/notifications" />}
							</span>
							<span class="tab-label">More</span>
						</button>
					</li>
				</ul>
			</nav>
			{open.value && (
				<MoreSheet
					onClose={() => {
						open.value = false;
					}}
				/>
			)}
		</>
	);
}
