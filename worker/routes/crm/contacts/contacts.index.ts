/** The CRM contacts router: every request through the workspace gate (worker/services/crm/workspace-access.ts). */
import { createRouter } from "../../../http/create-router";
import { crmRequest } from "../../../http/crm-request";
import {
	contactDuplicates,
	createContact,
	deleteContact,
	getContact,
	listContacts,
	mergeContacts,
	toContactDto,
	updateContact,
} from "../../../services/crm/contacts/contacts";
import * as routes from "./contacts.routes";

export const crmContactsRouter = createRouter()
	.openapi(routes.list, async (c) => {
		const { scope, workspaces } = await crmRequest(c);
		const page = await listContacts(scope, workspaces, c.req.valid("query"));
		return c.json({ contacts: page.contacts.map(toContactDto), nextCursor: page.nextCursor }, 200);
	})
	.openapi(routes.create, async (c) => {
		const { scope, workspaces, who } = await crmRequest(c);
		const { contact, created } = await createContact(scope, workspaces, c.req.valid("json"), who);
		return created ? c.json(toContactDto(contact), 201) : c.json(toContactDto(contact), 200);
	})
	.openapi(routes.get, async (c) => {
		const { scope, workspaces } = await crmRequest(c);
		return c.json(toContactDto(await getContact(scope, workspaces, c.req.valid("param").id)), 200);
	})
	.openapi(routes.update, async (c) => {
		const { scope, workspaces, who } = await crmRequest(c);
		return c.json(toContactDto(await updateContact(scope, workspaces, c.req.valid("param").id, c.req.valid("json"), who)), 200);
	})
	.openapi(routes.remove, async (c) => {
		const { scope, workspaces, who } = await crmRequest(c);
		await deleteContact(scope, workspaces, c.req.valid("param").id, who);
		return c.body(null, 204);
	})
	.openapi(routes.duplicates, async (c) => {
		const { scope, workspaces } = await crmRequest(c);
		const rows = await contactDuplicates(scope, workspaces, c.req.valid("param").id);
		return c.json({ duplicates: rows.map(toContactDto) }, 200);
	})
	.openapi(routes.merge, async (c) => {
		const { scope, workspaces, who } = await crmRequest(c);
		const { sourceId, preferSource } = c.req.valid("json");
		return c.json(toContactDto(await mergeContacts(scope, workspaces, c.req.valid("param").id, sourceId, preferSource, who)), 200);
	});
