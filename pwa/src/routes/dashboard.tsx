/** The start page (Dashboard for the agency, Home for clients): a greeting, and an honest account of what is coming. */
import { useDocumentTitle } from "../components/use-document-title";
import { homeArea, visibleAreas } from "../models/areas";
import { firstName, isStaff, tenant } from "../models/session";

export default function Dashboard() {
	useDocumentTitle(homeArea.value?.label ?? "");
	const agency = tenant.value?.name ?? "your agency";
	const upcoming = visibleAreas.value.slice(1).filter((area) => !area.ready);
	return (
		<>
			<h1>Welcome, {firstName.value}</h1>
			<p class="lead">
				{isStaff.value
					? `This is ${agency}'s workspace. Your clients sign in at this same address and see their own portal.`
					: `This is your portal with ${agency}: your projects, documents and messages in one place.`}
			</p>
			<section class="card" aria-labelledby="coming-heading">
				<h2 id="coming-heading">{isStaff.value ? "What your workspace will hold" : "What you will find here"}</h2>
				<p>
					Nothing to show yet. These areas are being built, and they will fill with real {isStaff.value ? "work" : "updates"}, never sample
					data.
				</p>
				<ul class="area-list">
					{upcoming.map((area) => (
						<li key={area.path}>
							<a href={area.path}>{area.label}</a>
							<span> — {area.summary}</span>
						</li>
					))}
				</ul>
			</section>
		</>
	);
}
