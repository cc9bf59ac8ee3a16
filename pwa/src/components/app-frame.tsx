/**
 * The signed-in frame: skip link, header, main navigation and the page. After moving to another
 * page, focus goes to the page's main region so keyboard and screen-reader users start there.
 * The install offer appears at the top of the page once the user is engaged (models/install.ts).
 */
import { useSignal } from "@preact/signals";
import type { ComponentChildren } from "preact";
import { useEffect, useRef } from "preact/hooks";
import { useLocation } from "preact-iso";
import { notePageView } from "../models/install";
import { AnnouncementBanners } from "./announcement-banners";
import { FrameOverlays } from "./frame-overlays";
import { InstallPrompt } from "./install-prompt";
import { MainNav } from "./main-nav";
import { NoticeBar } from "./notice-bar";
import { PaymentBanner } from "./payment-banner";
import { SiteHeader } from "./site-header";

export function AppFrame({ children }: { children: ComponentChildren }) {
	const { path } = useLocation();
	const menuOpen = useSignal(false);
	const main = useRef<HTMLElement>(null);
	const firstPath = useRef(path);

	useEffect(() => {
		if (path !== firstPath.current) main.current?.focus();
		firstPath.current = "";
		notePageView();
	}, [path]);

	useEffect(() => {
		const closeOnEscape = (event: KeyboardEvent) => {
			if (event.key === "Escape" && menuOpen.value) {
				menuOpen.value = false;
				document.querySelector<HTMLButtonElement>(".menu-button")?.focus();
			}
		};
		document.addEventListener("keydown", closeOnEscape);
		return () => document.removeEventListener("keydown", closeOnEscape);
	}, []);

	return (
		<div class="frame">
			<a class="skip-link" href="#main">
				Skip to content
			</a>
			<SiteHeader
				menuOpen={menuOpen.value}
				onToggleMenu={() => {
					menuOpen.value = !menuOpen.value;
				}}
			/>
			<NoticeBar />
			<PaymentBanner />
			<AnnouncementBanners />
			<div class="frame-body">
				<MainNav
					open={menuOpen.value}
					onNavigate={() => {
						menuOpen.value = false;
					}}
				/>
				<main id="main" ref={main} tabIndex={-1}>
					<InstallPrompt />
					{children}
				</main>
			</div>
			<FrameOverlays />
		</div>
	);
}
