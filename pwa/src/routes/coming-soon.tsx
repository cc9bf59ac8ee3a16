/** An area not built yet: says so plainly and what it will do. No sample data, no placeholder numbers. */
import { useLocation } from "preact-iso";
import { useDocumentTitle } from "../components/use-document-title";
import { findArea } from "../models/areas";
import NotFound from "./not-found";

export default function ComingSoon() {
	const { path } = useLocation();
	const area = findArea(path);
	useDocumentTitle(area?.label ?? "Page not found");
	if (!area) return <NotFound />;
	return (
		<>
			<h1>{area.label}</h1>
			<div class="card empty-state">
				<p class="empty-title">{area.label} is coming soon</p>
				<p>{area.summary}</p>
			</div>
		</>
	);
}
