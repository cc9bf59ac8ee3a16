/** Audit log: filter by person, action and dates; newest first with "load more"; download the same selection as CSV. */
import { useEffect } from "preact/hooks";
import { AUDIT_ACTIONS, type AuditAction } from "../../../../schema/audit-actions";
import { FormAlert } from "../../components/form-kit/form-alert";
import { formatDateTimeSeconds } from "../../lib/date-format";
import { auditProblem, csvUrl, events, filters, loadEvents, loadingMore, loadMoreEvents, nextCursor } from "../../models/audit-log";
import { SettingsPage } from "./settings-page";

function setFilter(key: "actor" | "from" | "to", value: string) {
	filters.value = { ...filters.value, [key]: value };
}

export default function AuditLog() {
	useEffect(() => {
		void loadEvents();
	}, []);
	const f = filters.value;
	return (
		<SettingsPage path="/settings/audit-log">
			<form
				class="card filters"
				aria-label="Filter the audit log"
				onSubmit={(event) => {
					event.preventDefault();
					void loadEvents();
				}}
			>
				<div class="field">
					<label for="audit-actor">Person or key</label>
					<input
						id="audit-actor"
						value={f.actor}
						placeholder="email, user id or api-key:…"
						onInput={(e) => setFilter("actor", e.currentTarget.value)}
					/>
				</div>
				<div class="field">
					<label for="audit-action">Action</label>
					<select
						id="audit-action"
						value={f.action}
						onChange={(e) => (filters.value = { ...filters.value, action: e.currentTarget.value as AuditAction | "" })}
					>
						<option value="">Any action</option>
						{AUDIT_ACTIONS.map((action) => (
							<option key={action} value={action}>
								{action}
							</option>
						))}
					</select>
				</div>
				<div class="field">
					<label for="audit-from">From</label>
					<input id="audit-from" type="date" value={f.from} onInput={(e) => setFilter("from", e.currentTarget.value)} />
				</div>
				<div class="field">
					<label for="audit-to">To</label>
					<input id="audit-to" type="date" value={f.to} onInput={(e) => setFilter("to", e.currentTarget.value)} />
				</div>
				<button type="submit" class="button primary">
					Show events
				</button>{" "}
				<a class="button secondary" href={csvUrl.value} download>
					Download CSV
				</a>
			</form>
			<FormAlert message={auditProblem.value?.detail ?? null} />
			<section class="card" aria-labelledby="events-heading">
				<h2 id="events-heading">Events</h2>
				{events.value === null ? (
					<div class="skeleton skeleton-line" />
				) : events.value.length === 0 ? (
					<p>No events match.</p>
				) : (
					<>
						<table>
							<thead>
								<tr>
									<th scope="col">When</th>
									<th scope="col">Action</th>
									<th scope="col">Who</th>
									<th scope="col">Target</th>
									<th scope="col">From</th>
								</tr>
							</thead>
							<tbody>
								{events.value.map((event) => (
									<tr key={event.id}>
										<td>{formatDateTimeSeconds(event.createdAt)}</td>
										<td>{event.action}</td>
										<td>{event.actor.label}</td>
										<td>
											{event.detail?.email ??
												event.detail?.name ??
												(event.target ? `${event.target.type} …${event.target.id.slice(-6)}` : "")}
										</td>
										<td>{event.ip ?? ""}</td>
									</tr>
								))}
							</tbody>
						</table>
						{nextCursor.value && (
							<button type="button" class="button secondary" aria-disabled={loadingMore.value} onClick={() => void loadMoreEvents()}>
								{loadingMore.value ? "Loading…" : "Load older events"}
							</button>
						)}
					</>
				)}
			</section>
		</SettingsPage>
	);
}
