/** Settings: the pages of the agency's settings this user may open. */
import { SettingsNav } from "../../components/settings-nav";
import { useDocumentTitle } from "../../components/use-document-title";
import { visibleSettingsPages } from "../../models/settings-pages";
import NotFound from "../not-found";

export default function Settings() {
	useDocumentTitle("Settings");
	if (visibleSettingsPages.value.length === 0) return <NotFound />;
	return (
		<>
			<SettingsNav />
			<h1>Settings</h1>
			<ul class="card area-list">
				{visibleSettingsPages.value.map((page) => (
					<li key={page.path}>
						<a href={page.path}>{page.label}</a>
						<span> — {page.summary}</span>
					</li>
				))}
			</ul>
		</>
	);
}
