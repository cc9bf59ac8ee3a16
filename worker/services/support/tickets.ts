/**
 * Support tickets: opened by a client person for their own client (or by the agency for any
 * client), due a first reply within the tier's response target, listed with filters, and triaged
 * by the agency (status, priority, assignee). Messages live in ticket-messages.ts.
 */
import { and, desc, eq, inArray, isNull, lt, not, or, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import type { z } from "zod";
import type { ListTicketsQuery, OpenTicketBody, TicketDto, UpdateTicketBody } from "../../../schema/dto/support";
import { clients, projects, type SupportTicket, supportTickets, ticketMessages, users } from "../../../schema/index";
import { ACTIVE_TICKET_STATUSES } from "../../../schema/support";
import { decodeCursor, encodeCursor } from "../../lib/cursor";
import type { TenantScope } from "../../lib/db";
import { newId } from "../../lib/ids";
import { problems } from "../../lib/problem";
import { membersWith } from "./people";
import { responseDueAt, supportSettingsOf } from "./settings";
import { assertSeesTicket, type TicketAccess } from "./ticket-access";
import { type TicketEffects, ticketMessageJob } from "./ticket-messages";

export type Ticket = z.infer<typeof TicketDto>;

const assignees = alias(users, "assignees");

/** Overdue: no agency reply yet, still active, due time passed. */
export function overdueCondition(now: number): SQL {
	return and(
		isNull(supportTickets.firstRespondedAt),
		inArray(supportTickets.status, [...ACTIVE_TICKET_STATUSES]),
		lt(supportTickets.dueAt, now),
	) as SQL;
}

export function isOverdue(ticket: SupportTicket, now: number): boolean {
	return ticket.firstRespondedAt === null && ACTIVE_TICKET_STATUSES.includes(ticket.status) && ticket.dueAt < now;
}

function selectTickets(scope: TenantScope, ...conditions: (SQL | undefined)[]) {
	return scope.db
		.select({ ticket: supportTickets, clientName: clients.name, assigneeName: assignees.name })
		.from(supportTickets)
		.innerJoin(clients, and(eq(clients.id, supportTickets.clientId), eq(clients.tenantId, supportTickets.tenantId)))
		.leftJoin(assignees, and(eq(assignees.id, supportTickets.assigneeUserId), eq(assignees.tenantId, supportTickets.tenantId)))
		.where(scope.where(supportTickets, ...conditions));
}

function toDto(row: { ticket: SupportTicket; clientName: string; assigneeName: string | null }, now: number): Ticket {
	const { tenantId: _tenant, ...ticket } = row.ticket;
	return { ...ticket, clientName: row.clientName, assigneeName: row.assigneeName, overdue: isOverdue(row.ticket, now) };
}

export async function listTickets(scope: TenantScope, access: TicketAccess, query: z.infer<typeof ListTicketsQuery>, now = Date.now()) {
	const conditions: (SQL | undefined)[] = [];
	if (access.kind === "client") conditions.push(eq(supportTickets.clientId, access.clientId ?? ""));
	if (query.clientId) conditions.push(eq(supportTickets.clientId, query.clientId));
	if (query.status) conditions.push(eq(supportTickets.status, query.status));
	if (query.priority) conditions.push(eq(supportTickets.priority, query.priority));
	if (query.assignee === "none") conditions.push(isNull(supportTickets.assigneeUserId));
	else if (query.assignee) conditions.push(eq(supportTickets.assigneeUserId, query.assignee === "me" ? access.userId : query.assignee));
	if (query.overdue === "true") conditions.push(overdueCondition(now));
	if (query.overdue === "false") conditions.push(not(overdueCondition(now)));
	if (query.cursor) {
		const cursor = decodeCursor(query.cursor);
		const at = Number(cursor.value);
		conditions.push(or(lt(supportTickets.createdAt, at), and(eq(supportTickets.createdAt, at), lt(supportTickets.id, cursor.id))));
	}
	const rows = await selectTickets(scope, ...conditions)
		.orderBy(desc(supportTickets.createdAt), desc(supportTickets.id))
		.limit(query.limit + 1);
	const page = rows.slice(0, query.limit);
	const last = page.at(-1);
	return {
		tickets: page.map((row) => toDto(row, now)),
		nextCursor: rows.length > query.limit && last ? encodeCursor({ value: last.ticket.createdAt, id: last.ticket.id }) : null,
	};
}

/** The ticket, or 404 when it does not exist here or is another client's. */
export async function getTicket(scope: TenantScope, access: TicketAccess, id: string, now = Date.now()): Promise<Ticket> {
	const [row] = await selectTickets(scope, eq(supportTickets.id, id)).limit(1);
	if (!row) throw problems.notFound("There is no ticket with this id.");
	assertSeesTicket(access, row.ticket);
	return toDto(row, now);
}

async function clientForNewTicket(scope: TenantScope, access: TicketAccess, requested: string | undefined) {
	let clientId = requested;
	if (access.kind === "client") {
		if (!access.clientId) throw problems.forbidden("Your account is not linked to a client yet; ask your agency.");
		if (requested && requested !== access.clientId) {
			throw problems.validation([{ path: "clientId", message: "must be your own client" }]);
		}
		clientId = access.clientId;
	}
	if (!clientId) throw problems.validation([{ path: "clientId", message: "is required" }]);
	const [client] = await scope.db
		.select({ id: clients.id, tier: clients.tier })
		.from(clients)
		.where(scope.where(clients, eq(clients.id, clientId), isNull(clients.deletedAt)))
		.limit(1);
	if (!client) throw problems.validation([{ path: "clientId", message: "must be a client of your agency" }]);
	return client;
}

/** Opens a ticket with its first message; a retry with the same id returns the ticket already opened. */
export async function openTicket(
	scope: TenantScope,
	access: TicketAccess,
	effects: TicketEffects,
	input: z.infer<typeof OpenTicketBody>,
	now = Date.now(),
): Promise<Ticket> {
	const id = input.id ?? newId(now);
	const [existing] = await scope.db
		.select()
		.from(supportTickets)
		.where(scope.where(supportTickets, eq(supportTickets.id, id)))
		.limit(1);
	if (existing) {
		if (existing.subject === input.subject && existing.openedByUserId === access.userId) return getTicket(scope, access, id, now);
		throw problems.conflict("id", "is already used by another record");
	}
	const client = await clientForNewTicket(scope, access, input.clientId);
	if (input.projectId) {
		const [project] = await scope.db
			.select({ id: projects.id })
			.from(projects)
			.where(scope.where(projects, eq(projects.id, input.projectId), eq(projects.clientId, client.id), isNull(projects.deletedAt)))
			.limit(1);
		if (!project) throw problems.validation([{ path: "projectId", message: "must be a project of this client" }]);
	}
	const settings = await supportSettingsOf(scope);
	const messageId = newId(now);
	await scope.db.batch([
		scope.insert(supportTickets, {
			id,
			clientId: client.id,
			projectId: input.projectId ?? null,
			subject: input.subject,
			priority: input.priority ?? "normal",
			openedByUserId: access.userId,
			tier: client.tier,
			dueAt: responseDueAt(settings, client.tier, now),
			lastMessageAt: now,
			createdAt: now,
			updatedAt: now,
		}),
		scope.insert(ticketMessages, { id: messageId, ticketId: id, authorUserId: access.userId, body: input.body, createdAt: now }),
	]);
	await effects.enqueue(ticketMessageJob(scope.tenantId, messageId));
	return getTicket(scope, access, id, now);
}

/** The agency triages: status, priority, assignee (a member who may manage tickets). */
export async function updateTicket(
	scope: TenantScope,
	access: TicketAccess,
	id: string,
	input: z.infer<typeof UpdateTicketBody>,
	now = Date.now(),
): Promise<Ticket> {
	await getTicket(scope, access, id, now);
	if (input.assigneeUserId) {
		const managers = await membersWith(scope, "tickets:manage");
		if (!managers.includes(input.assigneeUserId)) {
			throw problems.validation([{ path: "assigneeUserId", message: "must be a member of your agency who handles tickets" }]);
		}
	}
	await scope.update(supportTickets, { ...input, updatedAt: now }, eq(supportTickets.id, id));
	return getTicket(scope, access, id, now);
}
