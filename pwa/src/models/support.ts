/** Support tickets in the app: the list (with the agency's filters), one ticket's conversation, opening and replying. */
import { signal } from "@preact/signals";
import type { z } from "zod";
import type { TicketDetail, TicketDto } from "../../../schema/dto/support";
import type { TicketPriority, TicketStatus } from "../../../schema/support";
import { api } from "../api/client";
import { fetchJson } from "../api/fetch-json";
import type { ProblemView } from "../api/problem";

export type Ticket = z.infer<typeof TicketDto>;
export type TicketView = z.infer<typeof TicketDetail>;
export type TicketFilters = { status: TicketStatus | ""; priority: TicketPriority | ""; assignee: "" | "me" | "none"; overdue: boolean };

export const STATUS_LABELS: Record<TicketStatus, string> = {
	open: "Open",
	waiting_on_client: "Waiting on client",
	resolved: "Resolved",
	closed: "Closed",
};

export const tickets = signal<Ticket[] | null>(null);
export const ticketsProblem = signal<ProblemView | null>(null);
export const filters = signal<TicketFilters>({ status: "", priority: "", assignee: "", overdue: false });
export const ticket = signal<TicketView | null>(null);
export const ticketProblem = signal<ProblemView | null>(null);

export async function loadTickets(): Promise<void> {
	const f = filters.value;
	const query = {
		limit: "100",
		...(f.status ? { status: f.status } : {}),
		...(f.priority ? { priority: f.priority } : {}),
		...(f.assignee ? { assignee: f.assignee } : {}),
		...(f.overdue ? { overdue: "true" as const } : {}),
	};
	const result = await fetchJson(() => api.api.v1.support.tickets.$get({ query }));
	ticketsProblem.value = result.ok ? null : result.problem;
	if (result.ok) tickets.value = result.value.tickets;
}

export async function openTicket(input: { subject: string; body: string; priority: TicketPriority }) {
	const result = await fetchJson(() => api.api.v1.support.tickets.$post({ json: { id: crypto.randomUUID(), ...input } }));
	if (result.ok) await loadTickets();
	return result;
}

export async function loadTicket(id: string): Promise<void> {
	const result = await fetchJson(() => api.api.v1.support.tickets[":id"].$get({ param: { id } }));
	ticketProblem.value = result.ok ? null : result.problem;
	ticket.value = result.ok ? result.value : null;
}

export async function replyToTicket(id: string, body: string, internal: boolean) {
	const result = await fetchJson(() =>
		api.api.v1.support.tickets[":id"].messages.$post({ param: { id }, json: { id: crypto.randomUUID(), body, internal } }),
	);
	if (result.ok) await loadTicket(id);
	return result;
}

export async function triageTicket(
	id: string,
	change: { status?: TicketStatus; priority?: TicketPriority; assigneeUserId?: string | null },
) {
	const result = await fetchJson(() => api.api.v1.support.tickets[":id"].$patch({ param: { id }, json: change }));
	if (result.ok) await loadTicket(id);
	return result;
}
