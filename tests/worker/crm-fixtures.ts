/** Test data for the CRM: a portal agency (staff, clients X and Y with a person each) and small helpers to call the CRM API. */
import { call } from "../support/http";
import { type Json, json, type PortalAgency } from "./portal-fixtures";

export type ContactRow = {
	id: string;
	workspace: string;
	firstName: string;
	lastName: string;
	email: string | null;
	phone: string | null;
	tags: string[];
	customFields: Record<string, unknown>;
	companyId: string | null;
	lifecycleStage: string;
	ownerUserId: string | null;
	deletedAt: number | null;
	mergedIntoId: string | null;
};
export type CompanyRow = { id: string; name: string; domain: string | null; workspace: string; tags: string[] };

/** POST as staff (or `cookie`), expecting `status`. */
export function post<T = Json>(a: PortalAgency, path: string, body: Json, status = 201, cookie = a.staffCookie): Promise<T> {
	return json<T>(call(a.host, path, { cookie, body }), status);
}

export function get<T = Json>(a: PortalAgency, path: string, cookie = a.staffCookie): Promise<T> {
	return json<T>(call(a.host, path, { cookie }));
}

export function contact(a: PortalAgency, workspace: string, fields: Json, cookie = a.staffCookie): Promise<ContactRow> {
	return post<ContactRow>(a, "/api/v1/crm/contacts", { workspace, ...fields }, 201, cookie);
}

export function setCrmAccess(a: PortalAgency, clientId: string, crmAccess: "none" | "read" | "manage") {
	return json(call(a.host, `/api/v1/clients/${clientId}`, { method: "PATCH", cookie: a.staffCookie, body: { crmAccess } }));
}
