/**
 * Portal context for the assistant: projects and clients the asking user may see, either attached
 * to the message or named in it. Everything is read through the portal services with the user's
 * ClientAccess — the same rule as the API — so a client's person can never bring another client's
 * records into a reply. An attached record the user may not see is a 404, as on the API.
 */
import type { TenantScope } from "../../lib/db";
import type { ClientAccess } from "../portal/client-access";
import { getClient, listClients } from "../portal/clients";
import { listProjects, projectDetail, visibleProjectNames } from "../portal/projects";
import type { ContextProvider, ContextRequest } from "./context-types";
import { portalRecordNote } from "./portal-record-note";

/** At most this many records of one kind are put in a prompt. */
const MAX_RECORDS = 3;
/** How many visible records are scanned for names mentioned in the question. */
const SCAN_LIMIT = 100;

const day = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString().slice(0, 10));

/** Whether the question mentions `name` (case-insensitive, whole text). */
function mentions(question: string, name: string): boolean {
	const wanted = name.trim().toLowerCase();
	return wanted.length >= 3 && question.toLowerCase().includes(wanted);
}

async function projectNote(scope: TenantScope, access: ClientAccess, id: string): Promise<string> {
	const detail = await projectDetail(scope, access, id);
	const record = {
		project: detail.project.name,
		client: detail.client.name,
		status: detail.project.status,
		due: day(detail.project.dueAt),
		percentComplete: detail.progress.percent,
		milestones: detail.timeline.map((m) => ({ title: m.title, status: m.status, due: day(m.dueAt) })),
		openTasks: detail.tasks.filter((t) => t.status !== "done").map((t) => ({ title: t.title, status: t.status, due: day(t.dueAt) })),
		deliverables: detail.deliverables.map((d) => ({ title: d.title, status: d.status })),
	};
	return portalRecordNote(`project "${detail.project.name}" of ${detail.client.name}`, record);
}

export const projectContextProvider: ContextProvider = {
	id: "projects",
	async contextFor({ scope, access, question, about }: ContextRequest): Promise<string[]> {
		if (about?.kind === "project") return [await projectNote(scope, access, about.id)];
		if (about) return [];
		// Names only: the milestones and tasks of every visible project are read for the named ones alone.
		const visible = await visibleProjectNames(scope, access, SCAN_LIMIT);
		const named = visible.filter((p) => mentions(question, p.name)).slice(0, MAX_RECORDS);
		return Promise.all(named.map((p) => projectNote(scope, access, p.id)));
	},
};

async function clientNote(scope: TenantScope, access: ClientAccess, id: string): Promise<string> {
	const client = await getClient(scope, access, id);
	const { projects: clientProjects } = await listProjects(scope, access, { clientId: id, limit: SCAN_LIMIT });
	const record = {
		client: client.name,
		status: client.status,
		serviceTier: client.tier,
		projects: clientProjects.map((p) => ({ name: p.name, status: p.status, percentComplete: p.progress.percent, due: day(p.dueAt) })),
	};
	return portalRecordNote(`client ${client.name}`, record);
}

export const clientContextProvider: ContextProvider = {
	id: "clients",
	async contextFor({ scope, access, question, about }: ContextRequest): Promise<string[]> {
		if (about?.kind === "client") return [await clientNote(scope, access, about.id)];
		if (about) return [];
		const visible = await listClients(scope, access, { sort: "name", limit: SCAN_LIMIT });
		const named = visible.clients.filter((client) => mentions(question, client.name)).slice(0, MAX_RECORDS);
		return Promise.all(named.map((client) => clientNote(scope, access, client.id)));
	},
};
