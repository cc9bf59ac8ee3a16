/**
 * Badges: a short word in a pill (Badge) and a count on a navigation entry (CountBadge). The text
 * carries the meaning; the colour only repeats it. Badge tones are neutral, info, success, warning,
 * danger, or a record status that has its own colour (`badge-<status>` in app.css, see StatusBadge).
 *
 *   <Badge tone="success">Paid</Badge>
 *   <CountBadge count={unread} label="unread" testId="unread-badge" />
 */
import type { ComponentChildren } from "preact";
import "./badge.css";
import { countLabel } from "./count-label";

export type BadgeTone = "neutral" | "info" | "success" | "warning" | "danger";

export function Badge({ tone = "info", children }: { tone?: BadgeTone | (string & {}); children: ComponentChildren }) {
	return <span class={`badge badge-${tone}`}>{children}</span>;
}

export function CountBadge({ count, label, max = 99, testId }: { count: number; label: string; max?: number; testId?: string }) {
	const text = countLabel(count, max);
	if (text === null) return null;
	return (
		<span class="nav-count" data-testid={testId}>
			{text}
			<span class="visually-hidden"> {label}</span>
		</span>
	);
}
