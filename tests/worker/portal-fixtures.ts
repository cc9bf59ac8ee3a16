/** Test data for the portal: an agency with a staff member, two clients and a client user linked to each, made through the API. */
import type { z } from "zod";
import type { ClientDto, ProjectDetail } from "../../schema/dto/portal";
import { type Agency, logIn, signUpAgency } from "../support/agencies";
import { call } from "../support/http";
import { addMember } from "./members";

export type Json = Record<string, unknown>;

export type PortalAgency = Agency & {
	staffCookie: string;
	staffId: string;
	clientX: z.infer<typeof ClientDto>;
	clientY: z.infer<typeof ClientDto>;
	/** A person of client X, and one of client Y. */
	xUser: { id: string; cookie: string };
	yUser: { id: string; cookie: string };
};

/** `call` with a JSON answer; throws unless the status is `expected`. */
export async function json<T = Json>(response: Promise<Response>, expected = 200): Promise<T> {
	const res = await response;
	if (res.status !== expected) throw new Error(`expected ${expected}, got ${res.status}: ${await res.text()}`);
	return (await res.json()) as T;
}

export async function portalAgency(slug: string): Promise<PortalAgency> {
	const agency = await signUpAgency(slug);
	const staffId = await addMember(agency.tenantId, "staff", `staff@${slug}.test`);
	const xId = await addMember(agency.tenantId, "client", `x@${slug}.test`);
	const yId = await addMember(agency.tenantId, "client", `y@${slug}.test`);
	const staffCookie = await logIn(agency.host, `staff@${slug}.test`);
	const clientX = await json<z.infer<typeof ClientDto>>(
		call(agency.host, "/api/v1/clients", { cookie: staffCookie, body: { name: "Xylo Foods", tier: "premium", status: "active" } }),
		201,
	);
	const clientY = await json<z.infer<typeof ClientDto>>(
		call(agency.host, "/api/v1/clients", { cookie: staffCookie, body: { name: "Yarrow Labs", tier: "basic" } }),
		201,
	);
	await json(call(agency.host, `/api/v1/clients/${clientX.id}/people/${xId}`, { method: "PUT", cookie: staffCookie }));
	await json(call(agency.host, `/api/v1/clients/${clientY.id}/people/${yId}`, { method: "PUT", cookie: staffCookie }));
	return {
		...agency,
		staffCookie,
		staffId,
		clientX,
		clientY,
		xUser: { id: xId, cookie: await logIn(agency.host, `x@${slug}.test`) },
		yUser: { id: yId, cookie: await logIn(agency.host, `y@${slug}.test`) },
	};
}

export type ProjectDetailT = z.infer<typeof ProjectDetail>;

/** A project of `clientId` with milestones titled `milestones`, made by staff. */
export async function projectWith(a: PortalAgency, clientId: string, milestones: string[] = []): Promise<ProjectDetailT> {
	const project = await json<{ id: string }>(
		call(a.host, "/api/v1/projects", { cookie: a.staffCookie, body: { clientId, name: "Website relaunch", status: "active" } }),
		201,
	);
	for (const title of milestones) {
		await json(call(a.host, `/api/v1/projects/${project.id}/milestones`, { cookie: a.staffCookie, body: { title } }), 201);
	}
	return json<ProjectDetailT>(call(a.host, `/api/v1/projects/${project.id}`, { cookie: a.staffCookie }));
}
