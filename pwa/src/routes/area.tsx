/** An area not built yet: says so plainly and what it will do. No sample data. */
import { useLocation } from "preact-iso";
import { CLIENT_AREAS, findArea, STAFF_AREAS } from "../areas";
import { isStaff } from "../models/session";
import NotFound from "./not-found";

export default function ComingSoon() {
	const { path } = useLocation();
	const area = findArea(isStaff.value ? STAFF_AREAS : CLIENT_AREAS, path);
	if (!area) return <NotFound />;
	return (
		<>
			<h1>{area.label}</h1>
			<div class="card empty-state">
				<p>
					<strong>{area.label} is coming soon to Atrium.</strong>
				</p>
				<p>{area.summary}</p>
			</div>
		</>
	);
}
