/**
 * The phone's More sheet: every area not on the tab bar, the account page and sign-out, in the kit's
 * Sheet rising from the bottom (focus kept inside, Escape, the backdrop and the phone's back button
 * close it, focus returns to the More button). Render it only while open. A link first closes the
 * sheet — which drops the history entry the sheet stands on — and then moves to its page, so back
 * from that page returns to the page the sheet was opened on.
 */
import type { ComponentChildren } from "preact";
import { useLocation } from "preact-iso";
import { moreAreas } from "../../models/areas";
import { IconUser } from "../kit/icons";
import { Sheet } from "../kit/sheet";
import { SignOutButton } from "../sign-out-button";
import { AreaBadge } from "./area-badge";
import { AreaIcon } from "./area-icon";
import { currentMark } from "./is-current";

export function MoreSheet({ onClose }: { onClose: () => void }) {
	const { path, route } = useLocation();

	const follow = (event: MouseEvent, href: string) => {
		if (event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
		event.preventDefault();
		event.stopPropagation();
		const onSheetEntry = (history.state as { kitModal?: string } | null)?.kitModal !== undefined;
		if (onSheetEntry) addEventListener("popstate", () => route(href), { once: true });
		onClose();
		if (!onSheetEntry) route(href);
	};

	const link = (href: string, children: ComponentChildren) => (
		<a href={href} aria-current={currentMark(href, path)} onClick={(event) => follow(event, href)}>
			{children}
		</a>
	);

	return (
		<Sheet title="More" side="bottom" class="more-sheet" onClose={onClose}>
			<nav aria-label="More">
				<ul>
					{moreAreas.value.map((area) => (
						<li key={area.path}>
							{link(
								area.path,
								<>
									<AreaIcon path={area.path} />
									<span>{area.label}</span>
									<AreaBadge path={area.path} />
								</>,
							)}
						</li>
					))}
					<li>
						{link(
							"/account",
							<>
								<IconUser size={22} class="area-icon" />
								<span>Your account</span>
							</>,
						)}
					</li>
				</ul>
			</nav>
			<SignOutButton className="more-sheet-signout" />
		</Sheet>
	);
}
