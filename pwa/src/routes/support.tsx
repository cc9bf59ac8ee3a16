/** Support: a client person's tickets and a form to open one; the agency's queue of every ticket with filters. */
import { useSignal } from "@preact/signals";
import { useEffect } from "preact/hooks";
import { TICKET_PRIORITIES, TICKET_STATUSES, type TicketPriority, type TicketStatus } from "../../../schema/support";
import { FormAlert } from "../components/form-kit/form-alert";
import { StatusBadge } from "../components/status-badge";
import { useDocumentTitle } from "../components/use-document-title";
import { formatDateTime } from "../lib/date-format";
import { can } from "../models/session";
import { filters, loadTickets, openTicket, STATUS_LABELS, type Ticket, tickets, ticketsProblem } from "../models/support";
import NotFound from "./not-found";

function OpenTicketForm() {
	const subject = useSignal("");
	const body = useSignal("");
	const priority = useSignal<TicketPriority>("normal");
	const failure = useSignal<string | null>(null);
	const status = useSignal("");
	const submit = async (event: Event) => {
		event.preventDefault();
		const result = await openTicket({ subject: subject.value, body: body.value, priority: priority.value });
		failure.value = result.ok ? null : result.problem.detail;
		if (result.ok) {
			subject.value = "";
			body.value = "";
			status.value = `Ticket opened: ${result.value.subject}`;
		}
	};
	return (
		<form class="card" onSubmit={submit} noValidate aria-labelledby="new-ticket-heading">
			<h2 id="new-ticket-heading">Open a ticket</h2>
			<FormAlert message={failure.value} />
			<div class="field">
				<label for="ticket-subject">Subject</label>
				<input
					id="ticket-subject"
					value={subject.value}
					maxLength={200}
					required
					onInput={(e) => (subject.value = e.currentTarget.value)}
				/>
			</div>
			<div class="field">
				<label for="ticket-body">What do you need?</label>
				<textarea id="ticket-body" rows={4} value={body.value} required onInput={(e) => (body.value = e.currentTarget.value)} />
			</div>
			<div class="field">
				<label for="ticket-priority">Priority</label>
				<select id="ticket-priority" value={priority.value} onChange={(e) => (priority.value = e.currentTarget.value as TicketPriority)}>
					{TICKET_PRIORITIES.map((p) => (
						<option key={p} value={p}>
							{p}
						</option>
					))}
				</select>
			</div>
			<button type="submit" class="button primary">
				Open ticket
			</button>
			<p role="status">{status.value}</p>
		</form>
	);
}

function Filters() {
	const f = filters.value;
	const set = (change: Partial<typeof f>) => {
		filters.value = { ...f, ...change };
		void loadTickets();
	};
	return (
		<fieldset class="card inline-form">
			<legend>Filter tickets</legend>
			<label for="filter-status">Status</label>
			<select id="filter-status" value={f.status} onChange={(e) => set({ status: e.currentTarget.value as TicketStatus | "" })}>
				<option value="">Any</option>
				{TICKET_STATUSES.map((s) => (
					<option key={s} value={s}>
						{STATUS_LABELS[s]}
					</option>
				))}
			</select>
			<label for="filter-priority">Priority</label>
			<select id="filter-priority" value={f.priority} onChange={(e) => set({ priority: e.currentTarget.value as TicketPriority | "" })}>
				<option value="">Any</option>
				{TICKET_PRIORITIES.map((p) => (
					<option key={p} value={p}>
						{p}
					</option>
				))}
			</select>
			<label for="filter-assignee">Assignee</label>
			<select id="filter-assignee" value={f.assignee} onChange={(e) => set({ assignee: e.currentTarget.value as "" | "me" | "none" })}>
				<option value="">Anyone</option>
				<option value="me">Me</option>
				<option value="none">Unassigned</option>
			</select>
			<label>
				<input type="checkbox" checked={f.overdue} onChange={(e) => set({ overdue: e.currentTarget.checked })} /> Overdue only
			</label>
		</fieldset>
	);
}

function TicketRow({ t, agency }: { t: Ticket; agency: boolean }) {
	return (
		<li class="card">
			<h3>
				<a href={`/support/${t.id}`}>{t.subject}</a>
			</h3>
			<p>
				<StatusBadge status={t.status} label={STATUS_LABELS[t.status]} /> <span class="badge">{t.priority}</span>{" "}
				{t.overdue && <StatusBadge status="overdue" label="Overdue" />}
			</p>
			<p class="muted">
				{agency ? `${t.clientName} · ` : ""}
				{t.firstRespondedAt === null ? `Reply due ${formatDateTime(t.dueAt)}` : "Answered"}
				{agency && t.assigneeName ? ` · ${t.assigneeName}` : ""}
			</p>
		</li>
	);
}

export default function Support() {
	useDocumentTitle("Support");
	const agency = can("tickets:manage");
	const allowed = agency || can("tickets:open");
	useEffect(() => {
		if (allowed) void loadTickets();
	}, [allowed]);
	if (!allowed) return <NotFound />;
	const list = tickets.value;
	return (
		<>
			<h1>Support</h1>
			<FormAlert message={ticketsProblem.value?.detail ?? null} />
			{agency ? <Filters /> : <OpenTicketForm />}
			<section aria-labelledby="tickets-heading">
				<h2 id="tickets-heading">{agency ? "Tickets" : "Your tickets"}</h2>
				{list === null ? (
					<div class="skeleton skeleton-card" />
				) : list.length === 0 ? (
					<p>No tickets here.</p>
				) : (
					<ul class="support-list">
						{list.map((t) => (
							<TicketRow key={t.id} t={t} agency={agency} />
						))}
					</ul>
				)}
			</section>
		</>
	);
}
