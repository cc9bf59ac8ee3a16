/**
 * The CRM's vocabulary (issue #18): the access a client's people have to their own client's CRM
 * workspace, set by the agency per client. Tables, DTOs and the PWA all read these lists.
 */

/** A client's people and the CRM: none (default), read, or manage (create, edit, delete). */
export const CRM_ACCESS_LEVELS = ["none", "read", "manage"] as const;
export type CrmAccessLevel = (typeof CRM_ACCESS_LEVELS)[number];

/** Whether `held` allows what `needed` asks (manage includes read). */
export function crmLevelAllows(held: CrmAccessLevel, needed: Exclude<CrmAccessLevel, "none">): boolean {
	return needed === "read" ? held !== "none" : held === "manage";
}
