/**
 * How the API names a CRM workspace (DESIGN.md §13): a client's id, or `agency` for the agency's
 * own sales (stored as `client_id` null). Every CRM route that takes a workspace uses these.
 */
import { z } from "zod";
import { IdParam } from "./portal";

export const AGENCY_WORKSPACE = "agency";

export const WorkspaceKey = z
	.union([z.literal(AGENCY_WORKSPACE), IdParam], { error: "must be a client's id or agency" })
	.meta({ description: "A client's id, or `agency` for the agency's own workspace" });
export type WorkspaceKeyT = z.infer<typeof WorkspaceKey>;

/** The stored `client_id` of a workspace key (null: the agency's own). */
export function clientIdOfWorkspace(key: WorkspaceKeyT): string | null {
	return key === AGENCY_WORKSPACE ? null : key;
}

/** The key of a stored `client_id`. */
export function workspaceKeyOf(clientId: string | null): WorkspaceKeyT {
	return clientId ?? AGENCY_WORKSPACE;
}
