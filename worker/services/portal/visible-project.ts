/**
 * What every portal service reads a project through: a live project whose client the caller may
 * see (or 404), and the wire form of a tenant's row. Projects, milestones, tasks and deliverables
 * all use these, so they live apart from any one of them (no import cycle between those services).
 */
import { eq, isNull } from "drizzle-orm";
import { type Project, projects } from "../../../schema/index";
import type { TenantScope } from "../../lib/db";
import { problems } from "../../lib/problem";
import { assertCanSeeClient, type ClientAccess } from "./client-access";

/** A live project whose client the caller may see, or 404. */
export async function getVisibleProject(scope: TenantScope, access: ClientAccess, id: string): Promise<Project> {
	const [row] = await scope.db
		.select()
		.from(projects)
		.where(scope.where(projects, eq(projects.id, id), isNull(projects.deletedAt)))
		.limit(1);
	if (!row) throw problems.notFound("There is no project with this id.");
	assertCanSeeClient(access, row.clientId, "project");
	return row;
}

/** A row as the API shows it: without its tenant. */
export function toDto<T extends { tenantId: string }>(row: T): Omit<T, "tenantId"> {
	const { tenantId: _tenant, ...dto } = row;
	return dto;
}
