/** The sub-pages of Settings and the permission each needs, read from the app's places (navigation.ts): the Settings navigation and its guards come from here. */
import { computed } from "@preact/signals";
import { NAVIGATION, type SettingsItem } from "../navigation";
import { can } from "./session";

export type SettingsPage = SettingsItem & { path: string };

export const SETTINGS_PAGES: readonly SettingsPage[] = NAVIGATION.flatMap((route) =>
	route.settings ? [{ ...route.settings, path: route.path }] : [],
);

/** The Settings pages the signed-in user may open. */
export const visibleSettingsPages = computed(() => SETTINGS_PAGES.filter((page) => can(page.permission)));
