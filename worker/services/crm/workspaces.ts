/**
 * The CRM workspaces a caller may open, for the PWA's workspace picker: the agency's own first
 * (agency side only), then each live client's by name, each with the caller's access (read or manage).
 */
import { asc, isNull, sql } from "drizzle-orm";
import type { WorkspaceT } from "../../../schema/dto/crm-contacts";
import { AGENCY_WORKSPACE } from "../../../schema/dto/crm-workspaces";
import { clients } from "../../../schema/index";
import type { TenantScope } from "../../lib/db";
import { type WorkspaceAccess, workspaceLevel } from "./workspace-access";

export async function listWorkspaces(scope: TenantScope, access: WorkspaceAccess, agencyName: string): Promise<WorkspaceT[]> {
	if (access.level === "none") return [];
	const level = access.level;
	if (access.kind === "client") {
		if (!access.clientId) return [];
		const [row] = await scope.db
			.select({ id: clients.id, name: clients.name })
			.from(clients)
			.where(scope.where(clients, sql`${clients.id} = ${access.clientId}`, isNull(clients.deletedAt)));
		return row ? [{ key: row.id, name: row.name, access: level }] : [];
	}
	const rows = await scope.db
		.select({ id: clients.id, name: clients.name })
		.from(clients)
		.where(scope.where(clients, isNull(clients.deletedAt)))
		.orderBy(asc(sql`lower(${clients.name})`), asc(clients.id));
	return [
		{ key: AGENCY_WORKSPACE, name: agencyName, access: level },
		...rows.filter((r) => workspaceLevel(access, r.id) !== "none").map((r) => ({ key: r.id, name: r.name, access: level })),
	];
}
