/** The CRM set-up router: workspaces, custom fields and saved views, through the workspace gate. */
import { clientIdOfWorkspace } from "../../../../schema/dto/crm-workspaces";
import { createRouter } from "../../../http/create-router";
import { crmRequest } from "../../../http/crm-request";
import { tenantOf } from "../../../lib/host-guards";
import { createField, deleteField, listFields, toFieldDto, updateField } from "../../../services/crm/custom-fields/definitions";
import { createView, deleteView, listViews, toViewDto } from "../../../services/crm/views/saved-views";
import { listWorkspaces } from "../../../services/crm/workspaces";
import * as routes from "./crm-settings.routes";

export const crmSettingsRouter = createRouter()
	.openapi(routes.workspaces, async (c) => {
		const { scope, workspaces } = await crmRequest(c);
		return c.json({ workspaces: await listWorkspaces(scope, workspaces, tenantOf(c).name) }, 200);
	})
	.openapi(routes.listFields, async (c) => {
		const { scope, workspaces } = await crmRequest(c);
		const { workspace, recordKind } = c.req.valid("query");
		const rows = await listFields(scope, workspaces, clientIdOfWorkspace(workspace), recordKind);
		return c.json({ fields: rows.map(toFieldDto) }, 200);
	})
	.openapi(routes.createField, async (c) => {
		const { scope, workspaces, who } = await crmRequest(c);
		const { field, created } = await createField(scope, workspaces, c.req.valid("json"), who);
		return created ? c.json(toFieldDto(field), 201) : c.json(toFieldDto(field), 200);
	})
	.openapi(routes.updateField, async (c) => {
		const { scope, workspaces, who } = await crmRequest(c);
		return c.json(toFieldDto(await updateField(scope, workspaces, c.req.valid("param").id, c.req.valid("json"), who)), 200);
	})
	.openapi(routes.deleteField, async (c) => {
		const { scope, workspaces, who } = await crmRequest(c);
		await deleteField(scope, workspaces, c.req.valid("param").id, who);
		return c.body(null, 204);
	})
	.openapi(routes.listViews, async (c) => {
		const { scope, workspaces } = await crmRequest(c);
		const { workspace, recordKind } = c.req.valid("query");
		const rows = await listViews(scope, workspaces, clientIdOfWorkspace(workspace), recordKind);
		return c.json({ views: rows.map(toViewDto) }, 200);
	})
	.openapi(routes.createView, async (c) => {
		const { scope, workspaces, who, auth } = await crmRequest(c);
		const creator = { ...who, userId: auth.via === "api-key" ? null : auth.user.id };
		const { view, created } = await createView(scope, workspaces, c.req.valid("json"), creator);
		return created ? c.json(toViewDto(view), 201) : c.json(toViewDto(view), 200);
	})
	.openapi(routes.deleteView, async (c) => {
		const { scope, workspaces, who } = await crmRequest(c);
		await deleteView(scope, workspaces, c.req.valid("param").id, who);
		return c.body(null, 204);
	});
