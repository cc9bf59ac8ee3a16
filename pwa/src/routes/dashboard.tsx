/** The first page after sign-in: a greeting and, until the areas exist, an honest account of what is coming. */
import { CLIENT_AREAS, STAFF_AREAS } from "../areas";
import { isStaff, me, tenant } from "../models/session";

export default function Dashboard() {
	const firstName = me.value?.user.name.split(" ")[0] ?? "";
	const areas = (isStaff.value ? STAFF_AREAS : CLIENT_AREAS).filter((a) => a.summary);
	return (
		<>
			<h1>Welcome, {firstName}</h1>
			<p class="lead">
				{isStaff.value
					? `This is ${tenant.value?.name}'s workspace. Your clients will find their portal at this same address.`
					: `This is your portal with ${tenant.value?.name}.`}
			</p>
			<section aria-labelledby="coming-heading" class="card">
				<h2 id="coming-heading">What you will find here</h2>
				<p>Nothing to show yet: these areas are being built and will fill with your real data.</p>
				<ul class="area-list">
					{areas.map((area) => (
						<li key={area.path}>
							<a href={area.path}>{area.label}</a>: {area.summary}
						</li>
					))}
				</ul>
			</section>
		</>
	);
}
