/**
 * The frame's layout state: whether the screen is phone-sized (below 768 px: bottom tab bar and
 * More sheet) or wider (the sidebar), followed live, and whether this device's person collapsed
 * the sidebar to icons (remembered in localStorage, per device).
 */
import { signal } from "@preact/signals";

const PHONE_QUERY = "(max-width: 767.98px)";
const SIDEBAR_KEY = "atrium.sidebar-collapsed";

const phoneMedia = typeof matchMedia === "function" ? matchMedia(PHONE_QUERY) : null;

/** True on a phone-sized screen: the frame shows the bottom tab bar instead of the sidebar. */
export const isPhone = signal(phoneMedia?.matches ?? false);
phoneMedia?.addEventListener("change", (event) => {
	isPhone.value = event.matches;
});

function storedCollapsed(): boolean {
	try {
		return localStorage.getItem(SIDEBAR_KEY) === "1";
	} catch {
		return false;
	}
}

/** The sidebar shows icons only (labels as tooltips). */
export const sidebarCollapsed = signal(storedCollapsed());

export function toggleSidebar(): void {
	sidebarCollapsed.value = !sidebarCollapsed.value;
	try {
		localStorage.setItem(SIDEBAR_KEY, sidebarCollapsed.value ? "1" : "0");
	} catch {
		// Storage refused (private mode, quota): the choice lasts this visit only.
	}
}
