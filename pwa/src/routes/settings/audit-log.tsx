/** Audit log: filter by person, action and dates; newest first with "load more"; download the same selection as CSV. */
import { useEffect } from "preact/hooks";
import { AUDIT_ACTIONS, type AuditAction } from "../../../../schema/audit-actions";
import { FormAlert } from "../../components/form-kit/form-alert";
import { byNumber, byText, type Column, DataTable } from "../../components/kit/data-table";
import { formatDateTimeSeconds } from "../../lib/date-format";
import { auditProblem, csvUrl, events, filters, loadEvents, loadingMore, loadMoreEvents, nextCursor } from "../../models/audit-log";
import { SettingsPage } from "./settings-page";

type AuditEvent = NonNullable<typeof events.value>[number];

function targetOf(event: AuditEvent): string {
	return String(event.detail?.email ?? event.detail?.name ?? (event.target ? `${event.target.type} …${event.target.id.slice(-6)}` : ""));
}

/** Pages come from the server newest first (cursor paging); a header sorts the loaded events in the browser. */
const COLUMNS: Column<AuditEvent>[] = [
	{ key: "when", header: "When", cell: (e) => formatDateTimeSeconds(e.createdAt), sort: byNumber((e) => e.createdAt) },
	{ key: "action", header: "Action", cell: (e) => e.action, sort: byText((e) => e.action) },
	{ key: "who", header: "Who", cell: (e) => e.actor.label, sort: byText((e) => e.actor.label) },
	{ key: "target", header: "Target", cell: targetOf, sort: byText(targetOf), hideable: true },
	{ key: "ip", header: "From", cell: (e) => e.ip ?? "", sort: byText((e) => e.ip ?? ""), hideable: true },
];

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
				<DataTable
					id="audit-log"
					caption="Audit events, newest first"
					rows={events.value}
					rowKey={(event) => event.id}
					empty="No events match."
					columns={COLUMNS}
					more={nextCursor.value ? { onMore: () => void loadMoreEvents(), loading: loadingMore.value, label: "Load older events" } : null}
				/>
			</section>
		</SettingsPage>
	);
}
