/** The agency's live announcements for a client person, at the top of every page, each dismissible for good. */
import { useEffect } from "preact/hooks";
import { banners, dismissBanner, loadBanners } from "../models/announcements";
import { can } from "../models/session";
import { Button } from "./kit/button";

export function AnnouncementBanners() {
	const reads = can("announcements:read");
	useEffect(() => {
		if (reads) void loadBanners();
	}, [reads]);
	if (!reads || banners.value.length === 0) return null;
	return (
		<section class="announcement-banners" aria-label="Announcements">
			{banners.value.map((b) => (
				<div key={b.id} class={`announcement-banner severity-${b.severity}`} role={b.severity === "critical" ? "alert" : "status"}>
					<div>
						<strong>{b.title}</strong>
						<p>{b.body}</p>
					</div>
					<Button onClick={() => void dismissBanner(b.id)} label={`Dismiss announcement: ${b.title}`}>
						Dismiss
					</Button>
				</div>
			))}
		</section>
	);
}
