/** The clients router: clients and their people, each request limited to the clients its user may see. */
import { createRouter } from "../../http/create-router";
import { portalRequest } from "../../http/portal-request";
import { requestOrigin } from "../../http/request-origin";
import { actorOf, recordAudit } from "../../services/audit/audit-log";
import { linkClientPerson, listClientPeople, unlinkClientPerson } from "../../services/portal/client-people";
import {
	archiveClient,
	createClient,
	getClient,
	listClients,
	restoreClient,
	toClientDto,
	updateClient,
} from "../../services/portal/clients";
import * as routes from "./clients.routes";

export const clientsRouter = createRouter()
	.openapi(routes.list, async (c) => {
		const { scope, access } = await portalRequest(c);
		const page = await listClients(scope, access, c.req.valid("query"));
		return c.json({ clients: page.clients.map(toClientDto), nextCursor: page.nextCursor }, 200);
	})
	.openapi(routes.create, async (c) => {
		const { scope, auth } = await portalRequest(c);
		const creator = { actor: actorOf(auth), ...requestOrigin(c), memberId: auth.user.id };
		return c.json(toClientDto(await createClient(scope, c.req.valid("json"), creator)), 201);
	})
	.openapi(routes.get, async (c) => {
		const { scope, access } = await portalRequest(c);
		return c.json(toClientDto(await getClient(scope, access, c.req.valid("param").id)), 200);
	})
	.openapi(routes.update, async (c) => {
		const { scope, access, auth } = await portalRequest(c);
		const editor = { actor: actorOf(auth), ...requestOrigin(c) };
		return c.json(toClientDto(await updateClient(scope, access, c.req.valid("param").id, c.req.valid("json"), editor)), 200);
	})
	.openapi(routes.archive, async (c) => {
		const { scope, access, auth } = await portalRequest(c);
		const client = await archiveClient(scope, access, c.req.valid("param").id);
		await recordAudit(scope, {
			action: "client.archived",
			actor: actorOf(auth),
			target: { type: "client", id: client.id },
			...requestOrigin(c),
		});
		return c.json(toClientDto(client), 200);
	})
	.openapi(routes.restore, async (c) => {
		const { scope, access, auth } = await portalRequest(c);
		const client = await restoreClient(scope, access, c.req.valid("param").id);
		await recordAudit(scope, {
			action: "client.restored",
			actor: actorOf(auth),
			target: { type: "client", id: client.id },
			...requestOrigin(c),
		});
		return c.json(toClientDto(client), 200);
	})
	.openapi(routes.people, async (c) => {
		const { scope, access } = await portalRequest(c);
		const client = await getClient(scope, access, c.req.valid("param").id);
		return c.json({ people: await listClientPeople(scope, client.id) }, 200);
	})
	.openapi(routes.linkPerson, async (c) => {
		const { scope, access, auth } = await portalRequest(c);
		const { id, userId } = c.req.valid("param");
		const client = await getClient(scope, access, id);
		if (await linkClientPerson(scope, c.env, client.id, userId)) {
			await recordAudit(scope, {
				action: "client.person_linked",
				actor: actorOf(auth),
				target: { type: "client", id: client.id },
				detail: { userId },
				...requestOrigin(c),
			});
		}
		return c.json({ people: await listClientPeople(scope, client.id) }, 200);
	})
	.openapi(routes.unlinkPerson, async (c) => {
		const { scope, access, auth } = await portalRequest(c);
		const { id, userId } = c.req.valid("param");
		const client = await getClient(scope, access, id);
		if (await unlinkClientPerson(scope, c.env, client.id, userId)) {
			await recordAudit(scope, {
				action: "client.person_unlinked",
				actor: actorOf(auth),
				target: { type: "client", id: client.id },
				detail: { userId },
				...requestOrigin(c),
			});
		}
		return c.body(null, 204);
	});
