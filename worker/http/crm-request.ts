/** What every CRM handler starts from: the portal request plus its workspace access and who acts (for audit entries). */
import type { Context } from "hono";
import type { AppEnv } from "../env";
import { actorOf, type Who } from "../services/audit/audit-log";
import { type WorkspaceAccess, workspaceAccessOf } from "../services/crm/workspace-access";
import { type PortalRequest, portalRequest } from "./portal-request";
import { requestOrigin } from "./request-origin";

export type CrmRequest = PortalRequest & { workspaces: WorkspaceAccess; who: Who };

export async function crmRequest(c: Context<AppEnv>): Promise<CrmRequest> {
	const portal = await portalRequest(c);
	const workspaces = await workspaceAccessOf(portal.scope, portal.access, portal.auth.permissions);
	return { ...portal, workspaces, who: { actor: actorOf(portal.auth), ...requestOrigin(c) } };
}
