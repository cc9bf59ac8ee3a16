/**
 * The app's icon set: small 24×24 stroke icons drawn with `currentColor`, one named export each so
 * a bundle only carries the icons it imports. Decorative by default (aria-hidden): the text next to
 * an icon, or a visually hidden label on an icon-only button, names it.
 * Use: `<IconHome />`, `<IconBell size={20} />`. Add an icon as one more `icon("…path data…")`.
 */
import type { JSX } from "preact";
import "./icons.css";

export type IconProps = { size?: number; class?: string };
export type IconComponent = (props: IconProps) => JSX.Element;

function icon(d: string): IconComponent {
	return ({ size = 24, class: className }: IconProps) => (
		<svg
			class={className ? `icon ${className}` : "icon"}
			width={size}
			height={size}
			viewBox="0 0 24 24"
			fill="none"
			stroke="currentColor"
			stroke-width="2"
			stroke-linecap="round"
			stroke-linejoin="round"
			aria-hidden="true"
			focusable="false"
		>
			<path d={d} />
		</svg>
	);
}

export const IconHome = icon("M3 10.5 12 3l9 7.5M5 9v11h5v-6h4v6h5V9");
export const IconUsers = icon(
	"M16 20v-1a4 4 0 0 0-4-4H6a4 4 0 0 0-4 4v1M9 11a4 4 0 1 0 0-8 4 4 0 0 0 0 8m13 9v-1a4 4 0 0 0-3-3.9M16 3.1a4 4 0 0 1 0 7.8",
);
export const IconFolder = icon("M3 6a2 2 0 0 1 2-2h4l2 2h8a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2z");
export const IconChat = icon("M21 12a8 8 0 0 1-11.6 7.1L4 20l1-4.6A8 8 0 1 1 21 12");
export const IconFile = icon("M14 3H7a2 2 0 0 0-2 2v14a2 2 0 0 0 2 2h10a2 2 0 0 0 2-2V8zm0 0v5h5M9 13h6m-6 4h6");
export const IconDownload = icon("M12 3v12m-5-5 5 5 5-5M4 21h16");
export const IconCheckList = icon("M9 6h11M9 12h11M9 18h11M4 6l1 1 2-2M4 12l1 1 2-2M4 18l1 1 2-2");
export const IconCalendar = icon("M5 5h14a2 2 0 0 1 2 2v12a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2V7a2 2 0 0 1 2-2m11-2v4M8 3v4m-5 4h18");
export const IconHelp = icon("M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18m-2.5-11.5a2.5 2.5 0 1 1 3.5 2.3c-.6.3-1 .9-1 1.6v.6m0 3.5h.01");
export const IconMegaphone = icon("M3 10v4a1 1 0 0 0 1 1h3l6 4V5L7 9H4a1 1 0 0 0-1 1m14-2a5 5 0 0 1 0 8");
export const IconStar = icon("m12 3 2.8 5.7 6.2.9-4.5 4.4 1 6.2-5.5-2.9-5.5 2.9 1-6.2L3 9.6l6.2-.9z");
export const IconTarget = icon("M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18m0-4a5 5 0 1 0 0-10 5 5 0 0 0 0 10m0-4a1 1 0 1 0 0-2 1 1 0 0 0 0 2");
export const IconChart = icon("M4 20V10m6 10V4m6 16v-7m4 7H2");
export const IconReport = icon("M14 3H7a2 2 0 0 0-2 2v14a2 2 0 0 0 2 2h10a2 2 0 0 0 2-2V8zM9 17v-3m3 3v-5m3 5v-2");
export const IconReceipt = icon("M5 3h14v18l-3-2-2 2-2-2-2 2-2-2-3 2zm4 5h6m-6 4h6");
export const IconBell = icon("M6 8a6 6 0 1 1 12 0c0 7 3 9 3 9H3s3-2 3-9m4.3 13a2 2 0 0 0 3.4 0");
export const IconSparkle = icon(
	"M12 3l1.9 5.1L19 10l-5.1 1.9L12 17l-1.9-5.1L5 10l5.1-1.9zM19 17l.8 2.2L22 20l-2.2.8L19 23l-.8-2.2L16 20l2.2-.8z",
);
export const IconGauge = icon("M12 21a9 9 0 1 1 9-9M12 12l4-4");
export const IconCard = icon("M3 7a2 2 0 0 1 2-2h14a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2zm0 3h18M7 15h3");
export const IconSettings = icon(
	"M12 15a3 3 0 1 0 0-6 3 3 0 0 0 0 6m7.4-3a7.4 7.4 0 0 0-.1-1.3l2-1.6-2-3.4-2.4 1a7.5 7.5 0 0 0-2.2-1.3L14.3 3h-4.6l-.4 2.4A7.5 7.5 0 0 0 7.1 6.7l-2.4-1-2 3.4 2 1.6a7.4 7.4 0 0 0 0 2.6l-2 1.6 2 3.4 2.4-1a7.5 7.5 0 0 0 2.2 1.3l.4 2.4h4.6l.4-2.4a7.5 7.5 0 0 0 2.2-1.3l2.4 1 2-3.4-2-1.6c.1-.4.1-.9.1-1.3",
);
export const IconMore = icon("M5 12h.01M12 12h.01M19 12h.01");
export const IconSearch = icon("M11 18a7 7 0 1 0 0-14 7 7 0 0 0 0 14m10 3-5-5");
export const IconCheck = icon("M5 12.5 10 17.5 20 7");
export const IconClose = icon("M6 6l12 12M18 6 6 18");
export const IconChevronLeft = icon("m15 18-6-6 6-6");
export const IconChevronRight = icon("m9 18 6-6-6-6");
export const IconUser = icon("M20 21v-1a5 5 0 0 0-5-5H9a5 5 0 0 0-5 5v1m8-10a4 4 0 1 0 0-8 4 4 0 0 0 0 8");
export const IconSignOut = icon("M9 21H5a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2h4m7 14 5-5-5-5m5 5H9");
export const IconTrash = icon("M4 7h16M10 11v6m4-6v6M5 7l1 12a2 2 0 0 0 2 2h8a2 2 0 0 0 2-2l1-12M9 7V4h6v3");
const Spinner = icon("M21 12a9 9 0 1 1-6.2-8.6");
/** A busy indicator: turns unless the person asks for reduced motion (icons.css). */
export const IconSpinner: IconComponent = ({ size, class: className }: IconProps) => (
	<Spinner size={size} class={className ? `icon-spin ${className}` : "icon-spin"} />
);
