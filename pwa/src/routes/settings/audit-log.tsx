/** Audit log: filter by person, action and dates; newest first with "load more"; download the same selection as CSV. */
import { useEffect } from "preact/hooks";
import { AUDIT_ACTIONS, type AuditAction } from "../../../../schema/audit-actions";
import { DateField } from "../../components/form-kit/date-field";
import { FormAlert } from "../../components/form-kit/form-alert";
import { SelectField } from "../../components/form-kit/select-field";
import { Field } from "../../components/form-kit/text-field";
import { Button } from "../../components/kit/button";
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

const ACTION_OPTIONS: readonly { value: AuditAction | ""; label: string }[] = [
	{ value: "", label: "Any action" },
	...AUDIT_ACTIONS.map((action) => ({ value: action, label: action })),
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
				<Field
					id="audit-actor"
					label="Person or key"
					required={false}
					verbatim
					value={f.actor}
					placeholder="email, user id or api-key:…"
					onInput={(value) => setFilter("actor", value)}
				/>
				<SelectField
					id="audit-action"
					label="Action"
					value={f.action}
					options={ACTION_OPTIONS}
					onChange={(action) => {
						filters.value = { ...filters.value, action };
					}}
				/>
				<DateField id="audit-from" label="From" value={f.from} onChange={(value) => setFilter("from", value)} />
				<DateField id="audit-to" label="To" value={f.to} onChange={(value) => setFilter("to", value)} />
				<Button type="submit" variant="primary">
					Show events
				</Button>{" "}
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
