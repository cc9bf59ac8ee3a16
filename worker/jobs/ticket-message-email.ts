/**
 * Job `ticket-message-email`: a public message on a ticket reaches the other side. A client
 * person's message goes to the assignee, or (unassigned) to every member who handles tickets; the
 * agency's goes to the client's people. Each recipient is notified in the app and by push (their
 * preferences allow) and emailed unless they turned email off. One outbox key per message and
 * recipient, so a redelivered job sends nothing twice.
 */
import { and, asc, eq, inArray } from "drizzle-orm";
import { supportTickets, tenants, ticketMessages, users } from "../../schema/index";
import type { JobOf } from "../../schema/jobs";
import { type TenantScope, tenantScope } from "../lib/db";
import { ticketMessageEmail } from "../lib/email/support";
import { enqueue } from "../lib/jobs";
import { sendOnce } from "../services/email/email-outbox";
import { notify } from "../services/notifications/notify";
import { wants } from "../services/notifications/preferences";
import { clientPeopleIds, membersWith } from "../services/support/people";
import type { JobDeps } from "./job-deps";

type Found = { message: typeof ticketMessages.$inferSelect; ticket: typeof supportTickets.$inferSelect };

async function recipientsOf(scope: TenantScope, { message, ticket }: Found): Promise<string[]> {
	const people = await clientPeopleIds(scope, ticket.clientId);
	const fromClient = message.authorUserId !== null && people.includes(message.authorUserId);
	const recipients = fromClient ? (ticket.assigneeUserId ? [ticket.assigneeUserId] : await membersWith(scope, "tickets:manage")) : people;
	return recipients.filter((id) => id !== message.authorUserId);
}

export async function runTicketMessageEmail(deps: JobDeps, job: JobOf<"ticket-message-email">): Promise<void> {
	const scope = tenantScope(deps.db, job.tenantId);
	const [found] = await scope.db
		.select({ message: ticketMessages, ticket: supportTickets, slug: tenants.slug })
		.from(ticketMessages)
		.innerJoin(supportTickets, and(eq(supportTickets.id, ticketMessages.ticketId), eq(supportTickets.tenantId, ticketMessages.tenantId)))
		.innerJoin(tenants, eq(tenants.id, ticketMessages.tenantId))
		.where(scope.where(ticketMessages, eq(ticketMessages.id, job.messageId)))
		.limit(1);
	if (!found || found.message.internal) {
		deps.log.info("ticket-message-email: no public message; nothing to send", { messageId: job.messageId });
		return;
	}
	const recipientIds = await recipientsOf(scope, found);
	if (recipientIds.length === 0) return;
	const [recipients, [author], [first]] = await Promise.all([
		scope.db
			.select({ id: users.id, name: users.name, email: users.email })
			.from(users)
			.where(scope.where(users, inArray(users.id, recipientIds))),
		scope.db
			.select({ name: users.name })
			.from(users)
			.where(scope.where(users, eq(users.id, found.message.authorUserId ?? "")))
			.limit(1),
		scope.db
			.select({ id: ticketMessages.id })
			.from(ticketMessages)
			.where(scope.where(ticketMessages, eq(ticketMessages.ticketId, found.ticket.id)))
			.orderBy(asc(ticketMessages.createdAt), asc(ticketMessages.id))
			.limit(1),
	]);
	const baseUrl = await deps.tenantUrl(job.tenantId);
	const identity = await deps.agencyEmail(job.tenantId);
	const authorName = author?.name ?? identity.brand.name;
	const isNewTicket = first?.id === found.message.id;
	const path = `/support/${found.ticket.id}`;
	await notify(
		scope,
		(next) => enqueue(deps.env, next),
		recipients.map((r) => r.id),
		{
			event: "ticket_reply",
			title: isNewTicket ? `New ticket: ${found.ticket.subject}` : `${authorName} replied: ${found.ticket.subject}`,
			body: found.message.body.slice(0, 140),
			url: path,
			dedupeKey: job.idempotencyKey,
		},
	);
	for (const person of recipients) {
		if (!(await wants(scope, person.id, "ticket_reply", "email"))) continue;
		const rendered = ticketMessageEmail({
			personName: person.name,
			authorName,
			subject: found.ticket.subject,
			body: found.message.body,
			isNewTicket,
			ticketUrl: `${baseUrl}${path}`,
			brand: identity.brand,
		});
		await sendOnce(scope, deps.email, {
			...rendered,
			idempotencyKey: `${job.idempotencyKey}:${person.id}`,
			template: "ticket-message",
			from: identity.from,
			to: person.email,
		});
	}
}
