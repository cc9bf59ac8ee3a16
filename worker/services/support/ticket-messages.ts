/**
 * Messages on a ticket: a reply from either side, or a staff-only note. A public reply moves the
 * ticket along (the agency's first reply stops the due clock and waits on the client; a client's
 * reply reopens it) and enqueues one email job, keyed by the message, to the other side.
 */
import { and, asc, eq } from "drizzle-orm";
import type { z } from "zod";
import type { PostTicketMessageBody, TicketMessageDto } from "../../../schema/dto/support";
import { type SupportTicket, supportTickets, ticketMessages, users } from "../../../schema/index";
import type { Job } from "../../../schema/jobs";
import type { TicketStatus } from "../../../schema/support";
import type { TenantScope } from "../../lib/db";
import { newId } from "../../lib/ids";
import { problems } from "../../lib/problem";
import { clientPeopleIds } from "./people";
import { assertSeesTicket, type TicketAccess } from "./ticket-access";

export type TicketEffects = { enqueue: (job: Job) => Promise<void> };
export type TicketMessage = z.infer<typeof TicketMessageDto>;

/** The email job of one public message (none for a staff-only note). */
export function ticketMessageJob(tenantId: string, messageId: string): Job {
	return { type: "ticket-message-email", tenantId, messageId, idempotencyKey: `ticket-message:${messageId}` };
}

/** The messages a user may read, oldest first: clients never see staff-only notes. */
export async function messagesOf(
	scope: TenantScope,
	access: TicketAccess,
	ticket: { id: string; clientId: string },
): Promise<TicketMessage[]> {
	const [rows, people] = await Promise.all([
		scope.db
			.select({ message: ticketMessages, authorName: users.name })
			.from(ticketMessages)
			.leftJoin(users, and(eq(users.id, ticketMessages.authorUserId), eq(users.tenantId, ticketMessages.tenantId)))
			.where(scope.where(ticketMessages, eq(ticketMessages.ticketId, ticket.id)))
			.orderBy(asc(ticketMessages.createdAt), asc(ticketMessages.id)),
		clientPeopleIds(scope, ticket.clientId),
	]);
	return rows
		.filter((r) => access.kind === "agency" || !r.message.internal)
		.map(({ message, authorName }) => ({
			id: message.id,
			ticketId: message.ticketId,
			authorUserId: message.authorUserId,
			authorName,
			fromAgency: message.authorUserId === null || !people.includes(message.authorUserId),
			body: message.body,
			internal: message.internal,
			createdAt: message.createdAt,
		}));
}

function nextStatus(current: TicketStatus, fromAgency: boolean): TicketStatus {
	if (fromAgency) return current === "open" ? "waiting_on_client" : current;
	return current === "waiting_on_client" || current === "resolved" ? "open" : current;
}

/** Posts a message; a retry with the same id returns the message already posted and sends nothing more. */
export async function postTicketMessage(
	scope: TenantScope,
	access: TicketAccess,
	effects: TicketEffects,
	ticketId: string,
	input: z.infer<typeof PostTicketMessageBody>,
	now = Date.now(),
): Promise<TicketMessage> {
	const [ticket] = await scope.db
		.select()
		.from(supportTickets)
		.where(scope.where(supportTickets, eq(supportTickets.id, ticketId)))
		.limit(1);
	if (!ticket) throw problems.notFound("There is no ticket with this id.");
	assertSeesTicket(access, ticket);
	const internal = input.internal ?? false;
	if (internal && access.kind !== "agency") {
		throw problems.validation([{ path: "internal", message: "is only for the agency's people" }]);
	}
	const id = input.id ?? newId(now);
	const [existing] = await scope.db
		.select()
		.from(ticketMessages)
		.where(scope.where(ticketMessages, eq(ticketMessages.id, id)))
		.limit(1);
	if (existing) {
		if (existing.ticketId !== ticketId || existing.body !== input.body) throw problems.conflict("id", "is already used by another record");
	} else {
		if (ticket.status === "closed") throw problems.conflict("status", "is closed; open a new ticket instead");
		await writeMessage(
			scope,
			effects,
			ticket,
			{ id, authorUserId: access.userId, body: input.body, internal, fromAgency: access.kind === "agency" },
			now,
		);
	}
	const messages = await messagesOf(scope, access, ticket);
	const message = messages.find((m) => m.id === id);
	if (!message) throw problems.notFound("There is no message with this id.");
	return message;
}

/** Stores the message, moves the ticket along and enqueues the email of a public message. */
async function writeMessage(
	scope: TenantScope,
	effects: TicketEffects,
	ticket: SupportTicket,
	message: { id: string; authorUserId: string; body: string; internal: boolean; fromAgency: boolean },
	now: number,
): Promise<void> {
	const insert = scope.insert(ticketMessages, {
		id: message.id,
		ticketId: ticket.id,
		authorUserId: message.authorUserId,
		body: message.body,
		internal: message.internal,
		createdAt: now,
	});
	if (message.internal) {
		await insert;
		return;
	}
	const update = scope.update(
		supportTickets,
		{
			status: nextStatus(ticket.status, message.fromAgency),
			firstRespondedAt: message.fromAgency ? (ticket.firstRespondedAt ?? now) : ticket.firstRespondedAt,
			lastMessageAt: now,
			updatedAt: now,
		},
		eq(supportTickets.id, ticket.id),
	);
	await scope.db.batch([insert, update]);
	await effects.enqueue(ticketMessageJob(scope.tenantId, message.id));
}
