/** Support tickets: clients open tickets for their own client, the agency answers and triages, each reply emails the other side once. */
import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import type { z } from "zod";
import type { TicketDetail, TicketDto, TicketPage } from "../../schema/dto/support";
import { signUpUniqueAgency, uniqueSlug } from "../support/agencies";
import { call, problemOf } from "../support/http";
import { waitForEmails } from "../support/mailbox";
import { runJobs } from "../support/queue";
import { json, type PortalAgency, portalAgency, projectWith } from "./portal-fixtures";
import { outbox } from "./support-fixtures";

type Ticket = z.infer<typeof TicketDto>;
type Detail = z.infer<typeof TicketDetail>;
type Page = z.infer<typeof TicketPage>;
const HOUR = 60 * 60 * 1000;

let acme: PortalAgency;
beforeEach(async () => {
	acme = await portalAgency(uniqueSlug("acme"));
});

const openAs = (cookie: string, body: Record<string, unknown>) => call(acme.host, "/api/v1/support/tickets", { cookie, body });
const replyAs = (cookie: string, id: string, body: Record<string, unknown>) =>
	call(acme.host, `/api/v1/support/tickets/${id}/messages`, { cookie, body });

describe("opening a ticket", () => {
	it("is due within the client's tier response target and tells every ticket handler once", async () => {
		const project = await projectWith(acme, acme.clientX.id);
		const ticket = await json<Ticket>(
			openAs(acme.xUser.cookie, {
				subject: "Checkout is down",
				body: "Customers see an error.",
				priority: "urgent",
				projectId: project.project.id,
			}),
			201,
		);
		expect(ticket).toMatchObject({
			clientId: acme.clientX.id,
			clientName: "Xylo Foods",
			status: "open",
			priority: "urgent",
			tier: "premium",
		});
		expect(ticket.dueAt - ticket.createdAt).toBe(4 * HOUR);
		expect(ticket.overdue).toBe(false);

		const basic = await json<Ticket>(openAs(acme.yUser.cookie, { subject: "Invoice question", body: "Which VAT rate?" }), 201);
		expect(basic.dueAt - basic.createdAt).toBe(48 * HOUR);

		await json(
			call(acme.host, "/api/v1/support/settings", {
				method: "PATCH",
				cookie: acme.ownerCookie,
				body: { responseTargetHours: { basic: 8 } },
			}),
		);
		const faster = await json<Ticket>(openAs(acme.yUser.cookie, { subject: "Another", body: "Still basic." }), 201);
		expect(faster.dueAt - faster.createdAt).toBe(8 * HOUR);

		await waitForEmails(`staff@${acme.slug}.test`, /^New ticket: Checkout is down$/);
		await waitForEmails(`owner@${acme.slug}.test`, /^New ticket: Checkout is down$/);
		const audit = await env.DB.prepare("SELECT action FROM audit_events WHERE tenant_id = ? AND action = 'support.settings_updated'")
			.bind(acme.tenantId)
			.all();
		expect(audit.results).toHaveLength(1);
	});

	it("is idempotent by id, refuses bad fields by name, and keeps clients to their own client", async () => {
		const id = crypto.randomUUID();
		const first = await json<Ticket>(openAs(acme.xUser.cookie, { id, subject: "Logo file", body: "Need the SVG." }), 201);
		const again = await json<Ticket>(openAs(acme.xUser.cookie, { id, subject: "Logo file", body: "Need the SVG." }), 201);
		expect(again.id).toBe(first.id);
		const count = await env.DB.prepare("SELECT COUNT(*) AS n FROM ticket_messages WHERE ticket_id = ?").bind(id).first<{ n: number }>();
		expect(count?.n).toBe(1);

		const blank = await openAs(acme.xUser.cookie, { subject: " ", body: "x", priority: "asap" });
		expect(blank.status).toBe(422);
		expect((await problemOf(blank)).errors?.map((e) => e.path)).toEqual(["subject", "priority"]);
		const otherClient = await openAs(acme.xUser.cookie, { clientId: acme.clientY.id, subject: "Sneaky", body: "x" });
		expect((await problemOf(otherClient)).errors).toEqual([{ path: "clientId", message: "must be your own client" }]);
		const staffWithout = await openAs(acme.staffCookie, { subject: "For whom?", body: "x" });
		expect((await problemOf(staffWithout)).errors).toEqual([{ path: "clientId", message: "is required" }]);
		const badTarget = await call(acme.host, "/api/v1/support/settings", {
			method: "PATCH",
			cookie: acme.ownerCookie,
			body: { responseTargetHours: { premium: 0 } },
		});
		expect((await problemOf(badTarget)).errors?.[0]?.path).toBe("responseTargetHours.premium");
		const tickets = await env.DB.prepare("SELECT COUNT(*) AS n FROM support_tickets WHERE tenant_id = ?")
			.bind(acme.tenantId)
			.first<{ n: number }>();
		expect(tickets?.n).toBe(1);
	});
});

describe("the conversation", () => {
	it("emails the client on a staff reply and the assignee on a client reply, each exactly once; notes stay inside", async () => {
		const ticket = await json<Ticket>(openAs(acme.xUser.cookie, { subject: "Broken link", body: "The footer link 404s." }), 201);
		await waitForEmails(`staff@${acme.slug}.test`, /^New ticket: Broken link$/);

		const reply = await json<{ id: string; fromAgency: boolean }>(
			replyAs(acme.staffCookie, ticket.id, { body: "Fixed, please check." }),
			201,
		);
		expect(reply.fromAgency).toBe(true);
		await json(replyAs(acme.staffCookie, ticket.id, { body: "Was a CMS typo.", internal: true }), 201);
		await waitForEmails(`x@${acme.slug}.test`, /^Re: Broken link$/);

		const seen = await json<Detail>(call(acme.host, `/api/v1/support/tickets/${ticket.id}`, { cookie: acme.xUser.cookie }));
		expect(seen.ticket.status).toBe("waiting_on_client");
		expect(seen.ticket.firstRespondedAt).not.toBeNull();
		expect(seen.messages.map((m) => [m.body, m.fromAgency])).toEqual([
			["The footer link 404s.", false],
			["Fixed, please check.", true],
		]);
		const staffView = await json<Detail>(call(acme.host, `/api/v1/support/tickets/${ticket.id}`, { cookie: acme.staffCookie }));
		expect(staffView.messages.map((m) => m.internal)).toEqual([false, false, true]);

		await json(
			call(acme.host, `/api/v1/support/tickets/${ticket.id}`, {
				method: "PATCH",
				cookie: acme.ownerCookie,
				body: { assigneeUserId: acme.staffId },
			}),
		);
		await json(replyAs(acme.xUser.cookie, ticket.id, { body: "Still broken on mobile." }), 201);
		await waitForEmails(`staff@${acme.slug}.test`, /^Re: Broken link$/);
		const reopened = await json<Detail>(call(acme.host, `/api/v1/support/tickets/${ticket.id}`, { cookie: acme.staffCookie }));
		expect(reopened.ticket).toMatchObject({ status: "open", assigneeUserId: acme.staffId, assigneeName: "staff person" });

		const messageIds = reopened.messages.filter((m) => !m.internal).map((m) => m.id);
		await runJobs(
			messageIds.map((id) => ({
				type: "ticket-message-email",
				tenantId: acme.tenantId,
				messageId: id,
				idempotencyKey: `ticket-message:${id}`,
			})),
		);
		expect(await outbox("ticket-message", acme.tenantId)).toEqual([
			{ to: `owner@${acme.slug}.test`, subject: "New ticket: Broken link" },
			{ to: `staff@${acme.slug}.test`, subject: "New ticket: Broken link" },
			{ to: `staff@${acme.slug}.test`, subject: "Re: Broken link" },
			{ to: `x@${acme.slug}.test`, subject: "Re: Broken link" },
		]);
	});

	it("refuses notes from clients, triage by clients, replies on closed tickets", async () => {
		const ticket = await json<Ticket>(openAs(acme.xUser.cookie, { subject: "Fonts", body: "Which font?" }), 201);
		const note = await replyAs(acme.xUser.cookie, ticket.id, { body: "psst", internal: true });
		expect((await problemOf(note)).errors).toEqual([{ path: "internal", message: "is only for the agency's people" }]);
		const triage = await call(acme.host, `/api/v1/support/tickets/${ticket.id}`, {
			method: "PATCH",
			cookie: acme.xUser.cookie,
			body: { status: "closed" },
		});
		expect(triage.status).toBe(403);
		const badAssignee = await call(acme.host, `/api/v1/support/tickets/${ticket.id}`, {
			method: "PATCH",
			cookie: acme.staffCookie,
			body: { assigneeUserId: acme.xUser.id },
		});
		expect((await problemOf(badAssignee)).errors?.[0]?.path).toBe("assigneeUserId");
		await json(
			call(acme.host, `/api/v1/support/tickets/${ticket.id}`, { method: "PATCH", cookie: acme.staffCookie, body: { status: "closed" } }),
		);
		const late = await replyAs(acme.xUser.cookie, ticket.id, { body: "One more thing" });
		expect(late.status).toBe(409);
	});
});

describe("who sees which tickets", () => {
	it("a client sees only its own client's tickets; another agency sees none", async () => {
		const x = await json<Ticket>(openAs(acme.xUser.cookie, { subject: "X issue", body: "x" }), 201);
		await json<Ticket>(openAs(acme.yUser.cookie, { subject: "Y issue", body: "y" }), 201);

		const yList = await json<Page>(call(acme.host, "/api/v1/support/tickets", { cookie: acme.yUser.cookie }));
		expect(yList.tickets.map((t) => t.subject)).toEqual(["Y issue"]);
		const yFilter = await json<Page>(call(acme.host, `/api/v1/support/tickets?clientId=${acme.clientX.id}`, { cookie: acme.yUser.cookie }));
		expect(yFilter.tickets).toEqual([]);
		expect((await call(acme.host, `/api/v1/support/tickets/${x.id}`, { cookie: acme.yUser.cookie })).status).toBe(404);
		expect((await replyAs(acme.yUser.cookie, x.id, { body: "hi" })).status).toBe(404);
		const staffList = await json<Page>(call(acme.host, "/api/v1/support/tickets", { cookie: acme.staffCookie }));
		expect(staffList.tickets.map((t) => t.subject).sort()).toEqual(["X issue", "Y issue"]);

		const other = await signUpUniqueAgency("other");
		expect((await call(other.host, `/api/v1/support/tickets/${x.id}`, { cookie: other.ownerCookie })).status).toBe(404);
		const otherList = await json<Page>(call(other.host, "/api/v1/support/tickets", { cookie: other.ownerCookie }));
		expect(otherList.tickets).toEqual([]);
		const crossReply = await call(other.host, `/api/v1/support/tickets/${x.id}/messages`, {
			cookie: other.ownerCookie,
			body: { body: "hi" },
		});
		expect(crossReply.status).toBe(404);
		expect((await call(acme.host, `/api/v1/support/tickets/${x.id}`, { cookie: other.ownerCookie })).status).toBe(401);
	});

	it("the agency filters by status, priority, assignee and overdue", async () => {
		const late = await json<Ticket>(openAs(acme.xUser.cookie, { subject: "Late", body: "a", priority: "high" }), 201);
		const mine = await json<Ticket>(openAs(acme.yUser.cookie, { subject: "Mine", body: "b" }), 201);
		await env.DB.prepare("UPDATE support_tickets SET due_at = ? WHERE id = ?")
			.bind(Date.now() - HOUR, late.id)
			.run();
		await json(
			call(acme.host, `/api/v1/support/tickets/${mine.id}`, {
				method: "PATCH",
				cookie: acme.staffCookie,
				body: { assigneeUserId: acme.staffId },
			}),
		);
		const subjects = async (query: string) =>
			(await json<Page>(call(acme.host, `/api/v1/support/tickets?${query}`, { cookie: acme.staffCookie }))).tickets.map((t) => t.subject);

		expect(await subjects("overdue=true")).toEqual(["Late"]);
		expect(await subjects("priority=high")).toEqual(["Late"]);
		expect(await subjects("assignee=me")).toEqual(["Mine"]);
		expect(await subjects("assignee=none")).toEqual(["Late"]);
		expect(await subjects("status=open&limit=1")).toHaveLength(1);
		const page = await json<Page>(call(acme.host, "/api/v1/support/tickets?limit=1", { cookie: acme.staffCookie }));
		const next = await json<Page>(
			call(acme.host, `/api/v1/support/tickets?limit=1&cursor=${page.nextCursor}`, { cookie: acme.staffCookie }),
		);
		expect([...page.tickets, ...next.tickets].map((t) => t.subject)).toEqual(["Mine", "Late"]);
		const lateView = await json<Detail>(call(acme.host, `/api/v1/support/tickets/${late.id}`, { cookie: acme.xUser.cookie }));
		expect(lateView.ticket.overdue).toBe(true);

		await json(replyAs(acme.staffCookie, late.id, { body: "On it." }), 201);
		expect(await subjects("overdue=true")).toEqual([]);
		const bad = await call(acme.host, "/api/v1/support/tickets?status=pending", { cookie: acme.staffCookie });
		expect((await problemOf(bad)).errors?.[0]?.path).toBe("status");
	});
});
