/**
 * Set-up for the portal rows and probes: an agency on the Agency plan (so client limits never bind)
 * with clients, a project, a message thread and its messages, all created through the API as the
 * PWA would. Only the plan is set directly in D1 (through the bench's db driver): choosing a plan
 * otherwise means a Stripe checkout.
 */
import { DB_DRIVER_HOST, type SqlStatement } from "../lib/db-driver";
import { type SignedInAgency, signUpAgency } from "./fixtures";
import type { ScenarioContext } from "./types";

export type PortalAgency = SignedInAgency & {
	tenantId: string;
	/** Cookie and Origin, for the agency's API calls. */
	headers: Record<string, string>;
	clientIds: string[];
	projectId: string;
	threadId: string;
};

export async function runSql(context: ScenarioContext, statements: SqlStatement[]): Promise<unknown[][]> {
	const res = await context.http.expect({ method: "POST", path: "/sql", host: DB_DRIVER_HOST, json: { statements } }, 200);
	return (await res.json()) as unknown[][];
}

async function postJson<T>(context: ScenarioContext, agency: SignedInAgency, path: string, json: unknown, status = 201): Promise<T> {
	const headers = { Cookie: agency.cookie, Origin: `http://${agency.host}` };
	const res = await context.http.expect({ method: "POST", path, host: agency.host, headers, json }, status);
	return (await res.json()) as T;
}

/** A fresh agency with `clients` clients, one project, one thread holding `messages` messages. */
export async function preparePortalAgency(
	context: ScenarioContext,
	slug: string,
	{ clients, messages }: { clients: number; messages: number },
): Promise<PortalAgency> {
	const agency = await signUpAgency(context, slug);
	const headers = { Cookie: agency.cookie, Origin: `http://${agency.host}` };
	const me = (await (await context.http.expect({ path: "/api/v1/me", host: agency.host, headers }, 200)).json()) as {
		tenant: { id: string };
	};
	await runSql(context, [{ sql: "UPDATE tenants SET plan_id = 'agency' WHERE id = ?", params: [me.tenant.id] }]);

	const clientIds: string[] = [];
	for (let i = 0; i < clients; i++) {
		const name = `Client ${String(i + 1).padStart(3, "0")}`;
		clientIds.push((await postJson<{ id: string }>(context, agency, "/api/v1/clients", { name, status: "active" })).id);
	}
	const firstClient = clientIds[0];
	if (!firstClient) throw new Error("the portal fixture needs at least one client");
	const project = await postJson<{ id: string }>(context, agency, "/api/v1/projects", { clientId: firstClient, name: "Website relaunch" });
	const thread = await postJson<{ id: string }>(context, agency, "/api/v1/threads", { clientId: firstClient, subject: "Launch plan" });
	for (let i = 0; i < messages; i++) {
		await postJson(context, agency, `/api/v1/threads/${thread.id}/messages`, { id: crypto.randomUUID(), body: `Update number ${i + 1}` });
	}
	return { ...agency, tenantId: me.tenant.id, headers, clientIds, projectId: project.id, threadId: thread.id };
}
