/**
 * The areas of the app as the signed-in user sees them, read from the app's places
 * (navigation.ts, which the route table spreads into its entries): the navigation, the page
 * titles, the honest "coming soon" states and who may open each route all come from there.
 */
import { computed } from "@preact/signals";
import type { Permission } from "../../../schema/permissions";
import { NAVIGATION, type NavItem, type Place } from "../navigation";
import { can, isStaff } from "./session";

/** One area of the main navigation. `ready`: the area is built (not a coming-soon page). */
export type Area = NavItem & { path: string; ready: boolean };

function areasFor(audience: "staff" | "client"): readonly Area[] {
	return NAVIGATION.flatMap((route) => {
		const item = route[audience];
		return item ? [{ ...item, path: route.path, ready: !route.comingSoon }] : [];
	});
}

/** The agency workspace: owners, admins and staff. */
export const STAFF_AREAS = areasFor("staff");

/** The client portal. */
export const CLIENT_AREAS = areasFor("client");

function allowed(rule: { permission?: Permission; anyPermission?: readonly Permission[] }): boolean {
	if (rule.permission && !can(rule.permission)) return false;
	if (rule.anyPermission && !rule.anyPermission.some(can)) return false;
	return true;
}

/** Whether the signed-in user's permissions open an area. */
export function mayOpen(area: Area): boolean {
	return allowed(area);
}

/**
 * Whether the signed-in user may open a route: an area only for its audience (staff or client) and
 * with its permission, a Settings page with its permission; any other route is open and its page decides.
 */
export function mayOpenRoute(route: Place): boolean {
	if (route.settings) return can(route.settings.permission);
	if (!route.staff && !route.client) return true;
	const item = isStaff.value ? route.staff : route.client;
	return item !== undefined && allowed(item);
}

/** The areas the signed-in user sees (by their /me permissions), in navigation order. */
export const visibleAreas = computed(() => (isStaff.value ? STAFF_AREAS : CLIENT_AREAS).filter(mayOpen));

/**
 * The phone tab bar's areas in the order each audience reaches for them most; the bar shows the
 * first four the person may open (filled up in navigation order when they may open fewer), and
 * everything else sits in the More sheet.
 */
const TAB_PRIORITY = {
	staff: ["/", "/clients", "/projects", "/messages"],
	client: ["/", "/projects", "/messages", "/documents"],
} as const;
const TAB_COUNT = 4;

/** The areas on the phone's bottom tab bar (four, before More). */
export const tabAreas = computed(() => {
	const areas = visibleAreas.value;
	const preferred = TAB_PRIORITY[isStaff.value ? "staff" : "client"].flatMap((path) => areas.filter((area) => area.path === path));
	const rest = areas.filter((area) => !preferred.includes(area));
	return [...preferred, ...rest].slice(0, TAB_COUNT);
});

/** The areas the phone's More sheet lists: every visible area not on the tab bar, in navigation order. */
export const moreAreas = computed(() => visibleAreas.value.filter((area) => !tabAreas.value.includes(area)));

/** The start page's area (Dashboard or Home) is the first one. */
export const homeArea = computed(() => visibleAreas.value[0]);

export function findArea(path: string): Area | undefined {
	return visibleAreas.value.find((area) => area.path === path);
}
