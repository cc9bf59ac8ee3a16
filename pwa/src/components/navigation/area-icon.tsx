/** The icon of each area of the main navigation, by its address (a generic page icon for any other). */
import {
	IconBell,
	IconCalendar,
	IconCard,
	IconChart,
	IconChat,
	IconCheckList,
	type IconComponent,
	IconDownload,
	IconFile,
	IconFolder,
	IconGauge,
	IconHelp,
	IconHome,
	IconMegaphone,
	IconReceipt,
	IconReport,
	IconSettings,
	IconSparkle,
	IconStar,
	IconTarget,
	IconUsers,
} from "../kit/icons";

const ICONS: Record<string, IconComponent> = {
	"/": IconHome,
	"/clients": IconUsers,
	"/onboarding": IconCheckList,
	"/projects": IconFolder,
	"/documents": IconFile,
	"/downloads": IconDownload,
	"/messages": IconChat,
	"/bookings": IconCalendar,
	"/support": IconHelp,
	"/announcements": IconMegaphone,
	"/surveys": IconStar,
	"/leads": IconTarget,
	"/analytics": IconChart,
	"/reports": IconReport,
	"/invoices": IconReceipt,
	"/notifications": IconBell,
	"/assistant": IconSparkle,
	"/usage": IconGauge,
	"/billing": IconCard,
	"/settings": IconSettings,
};

export function AreaIcon({ path, size = 22 }: { path: string; size?: number }) {
	const Icon = ICONS[path] ?? IconFile;
	return <Icon size={size} class="area-icon" />;
}
