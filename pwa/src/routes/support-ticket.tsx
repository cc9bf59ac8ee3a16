/** One support ticket: its conversation, a reply box (with staff-only notes for the agency) and the agency's triage controls. */
import { useSignal } from "@preact/signals";
import { useEffect } from "preact/hooks";
import { useRoute } from "preact-iso";
import { TICKET_PRIORITIES, TICKET_STATUSES, type TicketPriority, type TicketStatus } from "../../../schema/support";
import { FormAlert } from "../components/form-kit/form-alert";
import { StatusBadge } from "../components/status-badge";
import { useDocumentTitle } from "../components/use-document-title";
import { formatDateTime } from "../lib/date-format";
import { can, me } from "../models/session";
import { loadTicket, replyToTicket, STATUS_LABELS, type TicketView, ticket, ticketProblem, triageTicket } from "../models/support";
import NotFound from "./not-found";

function Triage({ view }: { view: TicketView }) {
	const t = view.ticket;
	const failure = useSignal<string | null>(null);
	const myId = me.value?.user.id ?? null;
	const change = async (input: Parameters<typeof triageTicket>[1]) => {
		const result = await triageTicket(t.id, input);
		failure.value = result.ok ? null : result.problem.detail;
	};
	return (
		<section class="card inline-form" aria-labelledby="triage-heading">
			<h2 id="triage-heading">Triage</h2>
			<FormAlert message={failure.value} />
			<label for="ticket-status">Status</label>
			<select id="ticket-status" value={t.status} onChange={(e) => void change({ status: e.currentTarget.value as TicketStatus })}>
				{TICKET_STATUSES.map((s) => (
					<option key={s} value={s}>
						{STATUS_LABELS[s]}
					</option>
				))}
			</select>
			<label for="ticket-priority">Priority</label>
			<select id="ticket-priority" value={t.priority} onChange={(e) => void change({ priority: e.currentTarget.value as TicketPriority })}>
				{TICKET_PRIORITIES.map((p) => (
					<option key={p} value={p}>
						{p}
					</option>
				))}
			</select>
			<p>Assignee: {t.assigneeName ?? "nobody"}</p>
			{t.assigneeUserId === myId ? (
				<button type="button" class="button secondary" onClick={() => void change({ assigneeUserId: null })}>
					Unassign me
				</button>
			) : (
				<button type="button" class="button secondary" onClick={() => void change({ assigneeUserId: myId })}>
					Assign to me
				</button>
			)}
		</section>
	);
}

function ReplyForm({ id, agency, closed }: { id: string; agency: boolean; closed: boolean }) {
	const body = useSignal("");
	const internal = useSignal(false);
	const failure = useSignal<string | null>(null);
	const submit = async (event: Event) => {
		event.preventDefault();
		const result = await replyToTicket(id, body.value, internal.value);
		failure.value = result.ok ? null : result.problem.detail;
		if (result.ok) body.value = "";
	};
	if (closed) return <p>This ticket is closed. Open a new one if you need more help.</p>;
	return (
		<form class="card" onSubmit={submit} noValidate aria-labelledby="reply-heading">
			<h2 id="reply-heading">Reply</h2>
			<FormAlert message={failure.value} />
			<div class="field">
				<label for="reply-body">Your reply</label>
				<textarea id="reply-body" rows={4} value={body.value} onInput={(e) => (body.value = e.currentTarget.value)} />
			</div>
			{agency && (
				<label>
					<input type="checkbox" checked={internal.value} onChange={(e) => (internal.value = e.currentTarget.checked)} /> Staff-only note
					(not shown or emailed to the client)
				</label>
			)}
			<button type="submit" class="button primary">
				Send reply
			</button>
		</form>
	);
}

export default function SupportTicket() {
	const { params } = useRoute();
	const id = params.id ?? "";
	useDocumentTitle(ticket.value?.ticket.subject ?? "Ticket");
	useEffect(() => {
		ticket.value = null;
		void loadTicket(id);
	}, [id]);
	if (ticketProblem.value?.status === 404 || ticketProblem.value?.status === 403) return <NotFound />;
	const view = ticket.value;
	if (!view || view.ticket.id !== id) return <div class="skeleton skeleton-card" />;
	const t = view.ticket;
	const agency = can("tickets:manage");
	return (
		<>
			<p>
				<a href="/support">All tickets</a>
			</p>
			<h1>{t.subject}</h1>
			<p>
				<StatusBadge status={t.status} label={STATUS_LABELS[t.status]} /> <span class="badge">{t.priority}</span>{" "}
				{t.overdue && <StatusBadge status="overdue" label="Overdue" />}
			</p>
			<p class="muted">
				{t.clientName} · opened {formatDateTime(t.createdAt)} ·{" "}
				{t.firstRespondedAt === null ? `reply due ${formatDateTime(t.dueAt)}` : `answered ${formatDateTime(t.firstRespondedAt)}`}
			</p>
			{agency && <Triage view={view} />}
			<section class="card" aria-labelledby="ticket-conversation">
				<h2 id="ticket-conversation">Conversation</h2>
				<ol class="message-list">
					{view.messages.map((m) => (
						<li key={m.id} class={m.internal ? "message internal-note" : m.fromAgency ? "message" : "message mine"}>
							<p class="message-meta">
								<strong>{m.authorName ?? "Agency"}</strong>{" "}
								<time dateTime={new Date(m.createdAt).toISOString()}>{formatDateTime(m.createdAt)}</time>
								{m.internal ? " · staff-only note" : ""}
							</p>
							<p class="message-body">{m.body}</p>
						</li>
					))}
				</ol>
			</section>
			<ReplyForm id={t.id} agency={agency} closed={t.status === "closed"} />
		</>
	);
}
