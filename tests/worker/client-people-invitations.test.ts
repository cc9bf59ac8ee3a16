/**
 * A client's people: invited from the client's page (name, email, role in the company) or from
 * Settings → Team naming the client, linked to it on acceptance (once, however often the link is
 * tried), linked and unlinked by staff, and a task that waits for a pending invitee. Every route is
 * checked across tenants and across clients.
 */
import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import type { InvitationList, InvitationPreview, InvitationView } from "../../schema/dto/invitations";
import type { TaskT } from "../../schema/dto/portal";
import { PASSWORD, signUpUniqueAgency, uniqueSlug } from "../support/agencies";
import { call, freshIp, problemOf, sessionCookie } from "../support/http";
import { tokenIn, waitForEmails } from "../support/mailbox";
import { newConversation } from "./assistant-helpers";
import { addMember } from "./members";
import { json, type PortalAgency, portalAgency, projectWith } from "./portal-fixtures";

let acme: PortalAgency;
beforeEach(async () => {
	acme = await portalAgency(uniqueSlug("people"));
});

type People = { people: { userId: string; name: string; email: string; title: string | null }[] };

const email = (local: string) => `${local}@xylo-${acme.slug}.test`;

function inviteFromClientPage(body: unknown, clientId = acme.clientX.id, cookie = acme.staffCookie, host = acme.host) {
	return call(host, `/api/v1/clients/${clientId}/invitations`, { body, cookie });
}

async function tokenFor(to: string, count = 1): Promise<string> {
	return tokenIn((await waitForEmails(to, / invited you to /, count)).at(-1) as Parameters<typeof tokenIn>[0]);
}

function accept(body: unknown, cookie?: string) {
	return call(acme.host, "/api/v1/invitations/accept", { body, cookie, ip: freshIp() });
}

function peopleOf(clientId: string, cookie = acme.staffCookie) {
	return json<People>(call(acme.host, `/api/v1/clients/${clientId}/people`, { cookie }));
}

async function liveLinks(userId: string): Promise<{ client_id: string }[]> {
	const rows = await env.DB.prepare("SELECT client_id FROM client_members WHERE tenant_id = ? AND user_id = ? AND deleted_at IS NULL")
		.bind(acme.tenantId, userId)
		.all<{ client_id: string }>();
	return rows.results;
}

/** "ended" once the stream closes, "open" if it is still open after `ms`. */
async function endsWithin(reader: ReadableStreamDefaultReader<Uint8Array>, ms: number): Promise<"ended" | "open"> {
	let timer: ReturnType<typeof setTimeout> | undefined;
	const late = new Promise<"open">((resolve) => {
		timer = setTimeout(() => resolve("open"), ms);
	});
	const drained = (async () => {
		while (!(await reader.read()).done) {
			// Events before the end are not what this waits for.
		}
		return "ended" as const;
	})();
	const verdict = await Promise.race([drained, late]);
	clearTimeout(timer);
	if (verdict === "open") await reader.cancel();
	return verdict;
}

describe("inviting one of a client's people from the client's page", () => {
	it("staff invite by name, email and role; accepting links the new person at once, and a retried acceptance links nothing twice", async () => {
		const res = await inviteFromClientPage({ name: "Cleo Client", email: email("cleo"), title: "Marketing lead" });
		expect(res.status).toBe(201);
		const view = (await res.json()) as InvitationView;
		expect(view).toMatchObject({
			role: "client",
			clientId: acme.clientX.id,
			name: "Cleo Client",
			title: "Marketing lead",
			status: "pending",
		});
		const listed = await json<InvitationList>(
			call(acme.host, `/api/v1/clients/${acme.clientX.id}/invitations`, { cookie: acme.staffCookie }),
		);
		expect(listed.invitations.map((i) => i.email)).toEqual([email("cleo")]);

		const token = await tokenFor(email("cleo"));
		const preview = await json<InvitationPreview>(call(acme.host, `/api/v1/invitations/accept/${token}`));
		expect(preview).toMatchObject({ role: "client", name: "Cleo Client", client: { name: "Xylo Foods" }, accountExists: false });

		const accepted = await accept({ token, name: "Cleo Client", password: PASSWORD });
		expect(accepted.status).toBe(200);
		const me = (await accepted.json()) as { user: { id: string }; role: string };
		expect(me.role).toBe("client");
		const cookie = sessionCookie(accepted) ?? "";
		// Linked at once: their first page sees their client, and the agency sees them on the People card with their role.
		const mine = await json<{ clients: { id: string }[] }>(call(acme.host, "/api/v1/clients", { cookie }));
		expect(mine.clients.map((c) => c.id)).toEqual([acme.clientX.id]);
		expect((await peopleOf(acme.clientX.id)).people).toContainEqual(
			expect.objectContaining({ userId: me.user.id, name: "Cleo Client", title: "Marketing lead" }),
		);

		// The same link tried again (a double tap, a retried request) is refused and links nothing more.
		const again = await accept({ token, name: "Cleo Client", password: PASSWORD });
		expect(again.status).toBe(410);
		expect(await liveLinks(me.user.id)).toEqual([{ client_id: acme.clientX.id }]);
		const all = await env.DB.prepare("SELECT COUNT(*) AS n FROM client_members WHERE tenant_id = ? AND user_id = ?")
			.bind(acme.tenantId, me.user.id)
			.first<{ n: number }>();
		expect(all?.n).toBe(1);
		const pending = await json<InvitationList>(
			call(acme.host, `/api/v1/clients/${acme.clientX.id}/invitations`, { cookie: acme.staffCookie }),
		);
		expect(pending.invitations).toEqual([]);
	});

	it("links an existing, unlinked client-role member who accepts with their password", async () => {
		const loose = await addMember(acme.tenantId, "client", email("loose"));
		expect((await inviteFromClientPage({ name: "Lou Loose", email: email("loose") })).status).toBe(201);
		const accepted = await accept({ token: await tokenFor(email("loose")), password: PASSWORD });
		expect(accepted.status).toBe(200);
		expect(await liveLinks(loose)).toEqual([{ client_id: acme.clientX.id }]);
	});

	it("refuses a team member's address, someone of this client or of another client (409 naming email), and bad input (422 naming the field); nothing is stored", async () => {
		for (const [body, detail] of [
			[{ name: "Staff", email: `staff@${acme.slug}.test` }, /team/],
			[{ name: "X", email: `x@${acme.slug}.test` }, /already one of this client's people/],
			[{ name: "Y", email: `y@${acme.slug}.test` }, /another client/],
		] as const) {
			const res = await inviteFromClientPage(body);
			expect(res.status, body.email).toBe(409);
			const problem = await problemOf(res);
			expect(problem.errors?.map((e) => e.path)).toEqual(["email"]);
			expect(problem.detail).toMatch(detail);
		}
		for (const [body, path] of [
			[{ email: email("nameless") }, "name"],
			[{ name: "  ", email: email("blank") }, "name"],
			[{ name: "Bad Mail", email: "not-an-email" }, "email"],
			[{ name: "Long Title", email: email("long"), title: "x".repeat(101) }, "title"],
			[{ name: "Extra", email: email("extra"), role: "owner" }, "role"],
		] as const) {
			const res = await inviteFromClientPage(body);
			expect(res.status, JSON.stringify(body)).toBe(422);
			expect((await problemOf(res)).errors?.map((e) => e.path)).toEqual([path]);
		}
		const rows = await env.DB.prepare("SELECT COUNT(*) AS n FROM invitations WHERE tenant_id = ?")
			.bind(acme.tenantId)
			.first<{ n: number }>();
		expect(rows?.n).toBe(0);
	});

	it("is not held to the team's invitation domains: a client's people work at their own companies", async () => {
		const put = await call(acme.host, "/api/v1/tenant/invitation-domains", {
			method: "PUT",
			body: { domains: [`${acme.slug}.test`] },
			cookie: acme.ownerCookie,
		});
		expect(put.status).toBe(200);
		expect((await inviteFromClientPage({ name: "Dana Domain", email: email("dana") })).status).toBe(201);
		const team = await call(acme.host, "/api/v1/invitations", { body: { email: email("team"), role: "staff" }, cookie: acme.ownerCookie });
		expect(team.status).toBe(422);
		expect((await problemOf(team)).errors?.map((e) => e.path)).toEqual(["email"]);
	});

	it("resends a new link (the old one dies) and revokes, only through the invitation's own client", async () => {
		const view = await json<InvitationView>(inviteFromClientPage({ name: "Rita Resend", email: email("rita") }), 201);
		const first = await tokenFor(email("rita"));
		const base = `/api/v1/clients/${acme.clientX.id}/invitations/${view.id}`;
		// Through another client's page the invitation does not exist.
		const other = `/api/v1/clients/${acme.clientY.id}/invitations/${view.id}`;
		expect((await call(acme.host, `${other}/resend`, { method: "POST", cookie: acme.staffCookie })).status).toBe(404);
		expect((await call(acme.host, other, { method: "DELETE", cookie: acme.staffCookie })).status).toBe(404);

		expect((await call(acme.host, `${base}/resend`, { method: "POST", cookie: acme.staffCookie })).status).toBe(200);
		const second = await tokenFor(email("rita"), 2);
		expect(second).not.toBe(first);
		expect((await call(acme.host, `/api/v1/invitations/accept/${first}`)).status).toBe(404);
		expect((await call(acme.host, base, { method: "DELETE", cookie: acme.staffCookie })).status).toBe(204);
		expect((await call(acme.host, `/api/v1/invitations/accept/${second}`)).status).toBe(410);
	});
});

describe("Settings → Team naming the client", () => {
	it("links on acceptance; the client must be the agency's own and the role the client role (422 naming clientId)", async () => {
		const beta = await signUpUniqueAgency("people-beta");
		const betaClient = await json<{ id: string }>(
			call(beta.host, "/api/v1/clients", { cookie: beta.ownerCookie, body: { name: "Beta Co" } }),
			201,
		);
		for (const body of [
			{ email: email("s1"), role: "staff", clientId: acme.clientX.id },
			{ email: email("s2"), role: "client", clientId: betaClient.id },
			{ email: email("s3"), role: "client", clientId: "no-such-client" },
		]) {
			const res = await call(acme.host, "/api/v1/invitations", { body, cookie: acme.ownerCookie });
			expect(res.status, JSON.stringify(body)).toBe(422);
			expect((await problemOf(res)).errors?.map((e) => e.path)).toEqual(["clientId"]);
		}
		const res = await call(acme.host, "/api/v1/invitations", {
			body: { email: email("tess"), role: "client", clientId: acme.clientY.id, name: "Tess Team" },
			cookie: acme.ownerCookie,
		});
		expect(res.status).toBe(201);
		const accepted = await accept({ token: await tokenFor(email("tess")), name: "Tess", password: PASSWORD });
		const me = (await accepted.json()) as { user: { id: string } };
		expect(await liveLinks(me.user.id)).toEqual([{ client_id: acme.clientY.id }]);
	});
});

describe("linking and unlinking from the People card", () => {
	it("lists client-role members linked to no client; linking one shows them on the card and takes them off the list", async () => {
		const loose = await addMember(acme.tenantId, "client", email("free"));
		const path = `/api/v1/clients/${acme.clientX.id}/people/candidates`;
		const before = await json<{ candidates: { userId: string }[] }>(call(acme.host, path, { cookie: acme.staffCookie }));
		expect(before.candidates.map((c) => c.userId)).toEqual([loose]);
		expect(
			(await call(acme.host, `/api/v1/clients/${acme.clientX.id}/people/${loose}`, { method: "PUT", cookie: acme.staffCookie })).status,
		).toBe(200);
		expect((await peopleOf(acme.clientX.id)).people.map((p) => p.userId)).toContain(loose);
		expect((await json<{ candidates: unknown[] }>(call(acme.host, path, { cookie: acme.staffCookie }))).candidates).toEqual([]);
	});

	it("unlinking takes access away at once: the client's pages are 404 and the person's assistant stream ends", async () => {
		const project = await projectWith(acme, acme.clientX.id);
		const conversation = await newConversation(acme, acme.xUser.cookie);
		const stream = await call(acme.host, `/api/v1/assistant/conversations/${conversation}/stream`, { cookie: acme.xUser.cookie });
		expect(stream.status).toBe(200);
		const reader = stream.body?.getReader();
		if (!reader) throw new Error("no stream");

		const res = await call(acme.host, `/api/v1/clients/${acme.clientX.id}/people/${acme.xUser.id}`, {
			method: "DELETE",
			cookie: acme.staffCookie,
		});
		expect(res.status).toBe(204);
		expect(await endsWithin(reader, 2000)).toBe("ended");
		expect((await call(acme.host, `/api/v1/clients/${acme.clientX.id}`, { cookie: acme.xUser.cookie })).status).toBe(404);
		expect((await call(acme.host, `/api/v1/projects/${project.project.id}`, { cookie: acme.xUser.cookie })).status).toBe(404);
		expect((await peopleOf(acme.clientX.id)).people.map((p) => p.userId)).not.toContain(acme.xUser.id);
	});
});

describe("a task that waits for a pending invitee", () => {
	it("is assigned to the invitation, shown to staff only, and becomes the new person's task when they join", async () => {
		const project = await projectWith(acme, acme.clientX.id);
		const invitation = await json<InvitationView>(inviteFromClientPage({ name: "Wren Waiting", email: email("wren") }), 201);
		const detail = await json<{ invitees: { invitationId: string; name: string }[] }>(
			call(acme.host, `/api/v1/projects/${project.project.id}`, { cookie: acme.staffCookie }),
		);
		expect(detail.invitees).toEqual([{ invitationId: invitation.id, name: "Wren Waiting", email: email("wren"), side: "client" }]);
		const seenByClient = await json<{ invitees: unknown[] }>(
			call(acme.host, `/api/v1/projects/${project.project.id}`, { cookie: acme.xUser.cookie }),
		);
		expect(seenByClient.invitees).toEqual([]);

		const task = await json<TaskT>(
			call(acme.host, "/api/v1/tasks", {
				cookie: acme.staffCookie,
				body: { projectId: project.project.id, title: "Send the brand assets", assigneeInvitationId: invitation.id },
			}),
			201,
		);
		expect(task).toMatchObject({ assigneeUserId: null, assigneeInvitationId: invitation.id });

		const accepted = await accept({ token: await tokenFor(email("wren")), name: "Wren", password: PASSWORD });
		const cookie = sessionCookie(accepted) ?? "";
		const me = (await accepted.json()) as { user: { id: string } };
		const mine = await json<{ tasks: TaskT[] }>(call(acme.host, "/api/v1/tasks?assignee=me", { cookie }));
		expect(mine.tasks.map((t) => [t.id, t.assigneeUserId, t.assigneeInvitationId])).toEqual([[task.id, me.user.id, null]]);
		expect((await call(acme.host, `/api/v1/tasks/${task.id}/complete`, { method: "POST", cookie })).status).toBe(200);
	});

	it("refuses another client's invitee and two assignees at once (422 naming assigneeInvitationId); revoking gives the task back to nobody", async () => {
		const project = await projectWith(acme, acme.clientX.id);
		const ofY = await json<InvitationView>(inviteFromClientPage({ name: "Yann", email: email("yann") }, acme.clientY.id), 201);
		const ofX = await json<InvitationView>(inviteFromClientPage({ name: "Xena", email: email("xena") }), 201);
		for (const extra of [{ assigneeInvitationId: ofY.id }, { assigneeInvitationId: ofX.id, assigneeUserId: acme.staffId }]) {
			const res = await call(acme.host, "/api/v1/tasks", {
				cookie: acme.staffCookie,
				body: { projectId: project.project.id, title: "Nope", ...extra },
			});
			expect(res.status, JSON.stringify(extra)).toBe(422);
			expect((await problemOf(res)).errors?.map((e) => e.path)).toEqual(["assigneeInvitationId"]);
		}
		const task = await json<TaskT>(
			call(acme.host, "/api/v1/tasks", { cookie: acme.staffCookie, body: { projectId: project.project.id, title: "Kick-off call" } }),
			201,
		);
		const assigned = await json<TaskT>(
			call(acme.host, `/api/v1/tasks/${task.id}`, { method: "PATCH", cookie: acme.staffCookie, body: { assigneeInvitationId: ofX.id } }),
		);
		expect(assigned.assigneeInvitationId).toBe(ofX.id);
		const revoke = `/api/v1/clients/${acme.clientX.id}/invitations/${ofX.id}`;
		expect((await call(acme.host, revoke, { method: "DELETE", cookie: acme.staffCookie })).status).toBe(204);
		const after = await json<{ tasks: TaskT[] }>(
			call(acme.host, `/api/v1/tasks?projectId=${project.project.id}`, { cookie: acme.staffCookie }),
		);
		expect(after.tasks.map((t) => [t.title, t.assigneeUserId, t.assigneeInvitationId])).toEqual([["Kick-off call", null, null]]);
	});
});

describe("isolation", () => {
	it("another agency's staff and a client's own people reach none of these routes", async () => {
		const beta = await signUpUniqueAgency("people-other");
		const view = await json<InvitationView>(inviteFromClientPage({ name: "Iris", email: email("iris") }), 201);
		const paths = [
			["GET", `/api/v1/clients/${acme.clientX.id}/invitations`],
			["POST", `/api/v1/clients/${acme.clientX.id}/invitations`],
			["POST", `/api/v1/clients/${acme.clientX.id}/invitations/${view.id}/resend`],
			["DELETE", `/api/v1/clients/${acme.clientX.id}/invitations/${view.id}`],
			["GET", `/api/v1/clients/${acme.clientX.id}/people/candidates`],
		] as const;
		const body = (method: string) => (method === "POST" ? { name: "Intruder", email: email("intruder") } : undefined);
		for (const [method, path] of paths) {
			// Another agency: its owner on its own host finds no such client.
			const cross = await call(beta.host, path, { method, cookie: beta.ownerCookie, body: body(method) });
			expect(cross.status, `cross-tenant ${method} ${path}`).toBe(404);
			// A person of client X (and of client Y) cannot manage anyone's people, even their own client's.
			for (const cookie of [acme.xUser.cookie, acme.yUser.cookie]) {
				const res = await call(acme.host, path, { method, cookie, body: body(method) });
				expect(res.status, `cross-client ${method} ${path}`).toBe(403);
			}
		}
		// Nothing changed: still the one pending invitation, with its first link.
		const listed = await json<InvitationList>(
			call(acme.host, `/api/v1/clients/${acme.clientX.id}/invitations`, { cookie: acme.staffCookie }),
		);
		expect(listed.invitations.map((i) => [i.id, i.status, i.lastSentAt])).toEqual([[view.id, "pending", view.lastSentAt]]);
		// The invitation's link is not valid on another agency's host.
		const token = await tokenFor(email("iris"));
		expect((await call(beta.host, `/api/v1/invitations/accept/${token}`)).status).toBe(404);
	});
});
