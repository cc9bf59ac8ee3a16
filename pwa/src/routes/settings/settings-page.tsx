/** The frame of every Settings sub-page: its title, the Settings navigation, and a 404 for those without the page's permission. */
import type { ComponentChildren } from "preact";
import { SettingsNav } from "../../components/settings-nav";
import { useDocumentTitle } from "../../components/use-document-title";
import { can } from "../../models/session";
import { SETTINGS_PAGES } from "../../models/settings-pages";
import NotFound from "../not-found";

export function SettingsPage({ path, children }: { path: string; children: ComponentChildren }) {
	const page = SETTINGS_PAGES.find((p) => p.path === path);
	useDocumentTitle(page?.label ?? "Settings");
	if (!page || !can(page.permission)) return <NotFound />;
	return (
		<>
			<SettingsNav />
			<h1>{page.label}</h1>
			{children}
		</>
	);
}
