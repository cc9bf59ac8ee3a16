/**
 * Pull-to-refresh for a page's synced list, with its button twin: `<PullToRefresh refresh={…} label="tasks" />`
 * placed once on a page runs `refresh` (the same sync and reload the page does when it opens) when
 * the person pulls down from the top on a touch screen (lib/gestures.ts), or presses the Refresh
 * button. The indicator sits at the top of the screen and a live region says "Refreshing…".
 */
import { useState } from "preact/hooks";
import { PULL_THRESHOLD, usePullToRefresh } from "../../lib/gestures";
import "./gestures.css";
import { Button } from "../kit/button";

export function PullToRefresh({ refresh, label }: { refresh: () => Promise<unknown>; label: string }) {
	const { pull, refreshing, ready } = usePullToRefresh(refresh);
	const [clicked, setClicked] = useState(false);
	const busy = refreshing || clicked;
	const press = () => {
		setClicked(true);
		void refresh().finally(() => setClicked(false));
	};
	return (
		<>
			{(pull > 0 || refreshing) && (
				<div class="pull-indicator" style={{ "--pull": `${Math.round(pull)}px` }} aria-hidden="true">
					<span class={`pull-spinner${refreshing ? " spinning" : ""}`} style={{ "--turn": `${(pull / PULL_THRESHOLD) * 270}deg` }} />
					<span>{refreshing ? "Refreshing…" : ready ? "Release to refresh" : "Pull to refresh"}</span>
				</div>
			)}
			<p class="visually-hidden" role="status">
				{busy ? `Refreshing ${label}…` : ""}
			</p>
			<Button size="small" class="refresh-button" onClick={press} disabled={busy}>
				{busy ? "Refreshing…" : "Refresh"}
				<span class="visually-hidden"> {label}</span>
			</Button>
		</>
	);
}
