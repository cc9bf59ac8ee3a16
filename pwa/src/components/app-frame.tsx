/**
 * The signed-in frame: skip link, the compact header, the main navigation and the page. On a phone
 * (below 768 px) the navigation is a bottom tab bar with a More sheet; wider, a sidebar that
 * collapses to icons (components/navigation/). After moving to another page, focus goes to the
 * page's main region so keyboard and screen-reader users start there; so it does when the frame
 * first appears after something the person did (signing in), but not on a fresh page load, where
 * the first Tab must reach the skip link. The install offer appears at
 * the top of the page once the user is engaged (models/install.ts).
 */
import type { ComponentChildren } from "preact";
import { useEffect, useRef } from "preact/hooks";
import { useLocation } from "preact-iso";
import { notePageView } from "../models/install";
import { AnnouncementBanners } from "./announcement-banners";
import { FrameOverlays } from "./frame-overlays";
import { InstallPrompt } from "./install-prompt";
import { MainNav } from "./main-nav";
import { isPhone } from "./navigation/layout-state";
import { TabBar } from "./navigation/tab-bar";
import { NoticeBar } from "./notice-bar";
import { PaymentBanner } from "./payment-banner";
import { SiteHeader } from "./site-header";

export function AppFrame({ children }: { children: ComponentChildren }) {
	const { path } = useLocation();
	const main = useRef<HTMLElement>(null);
	const firstPath = useRef(path);
	const phone = isPhone.value;

	useEffect(() => {
		if (path !== firstPath.current || navigator.userActivation?.hasBeenActive) main.current?.focus();
		firstPath.current = "";
		notePageView();
	}, [path]);

	return (
		<div class={phone ? "frame frame-phone" : "frame frame-wide"}>
			<a class="skip-link" href="#main">
				Skip to content
			</a>
			<SiteHeader />
			<NoticeBar />
			<PaymentBanner />
			<AnnouncementBanners />
			<div class="frame-body">
				{!phone && <MainNav />}
				<main id="main" ref={main} tabIndex={-1}>
					<InstallPrompt />
					{children}
				</main>
			</div>
			{phone && <TabBar />}
			<FrameOverlays />
		</div>
	);
}
