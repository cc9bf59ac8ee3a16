/**
 * Prompt templates: shared with the agency (owner null; only tenant:manage may create or edit them)
 * or personal (only their owner sees them). A template's {{variables}} are filled in by the PWA.
 */
import { and, eq, isNull, or } from "drizzle-orm";
import { type PromptTemplateView, templateVariables } from "../../../schema/assistant";
import { type PromptTemplate, promptTemplates } from "../../../schema/index";
import type { TenantScope } from "../../lib/db";
import { newId } from "../../lib/ids";
import { problems } from "../../lib/problem";

export type TemplateActor = { userId: string; canManageShared: boolean };

function toView(row: PromptTemplate, actor: TemplateActor): PromptTemplateView {
	const shared = row.ownerUserId === null;
	return {
		id: row.id,
		title: row.title,
		body: row.body,
		shared,
		variables: templateVariables(row.body),
		canEdit: shared ? actor.canManageShared : row.ownerUserId === actor.userId,
		updatedAt: row.updatedAt,
	};
}

export async function listTemplates(scope: TenantScope, actor: TemplateActor): Promise<PromptTemplateView[]> {
	const rows = await scope.db
		.select()
		.from(promptTemplates)
		.where(scope.where(promptTemplates, or(isNull(promptTemplates.ownerUserId), eq(promptTemplates.ownerUserId, actor.userId))))
		.orderBy(promptTemplates.title);
	return rows.map((row) => toView(row, actor));
}

export async function createTemplate(
	scope: TenantScope,
	actor: TemplateActor,
	input: { title: string; body: string; shared: boolean },
	now = Date.now(),
): Promise<PromptTemplateView> {
	if (input.shared && !actor.canManageShared) throw problems.forbidden("Shared templates need tenant:manage.");
	const row = {
		id: newId(now),
		ownerUserId: input.shared ? null : actor.userId,
		title: input.title,
		body: input.body,
		createdAt: now,
		updatedAt: now,
	};
	await scope.insert(promptTemplates, row);
	return toView({ ...row, tenantId: scope.tenantId }, actor);
}

/** A template the actor can see; 404 otherwise. 403 when they see it but may not change it. */
async function editable(scope: TenantScope, actor: TemplateActor, id: string): Promise<PromptTemplate> {
	const row = await scope.db
		.select()
		.from(promptTemplates)
		.where(
			scope.where(
				promptTemplates,
				eq(promptTemplates.id, id),
				or(isNull(promptTemplates.ownerUserId), eq(promptTemplates.ownerUserId, actor.userId)),
			),
		)
		.get();
	if (!row) throw problems.notFound("There is no template with this id.");
	if (row.ownerUserId === null && !actor.canManageShared) throw problems.forbidden("Editing shared templates needs tenant:manage.");
	return row;
}

export async function updateTemplate(
	scope: TenantScope,
	actor: TemplateActor,
	id: string,
	input: { title?: string | undefined; body?: string | undefined },
	now = Date.now(),
): Promise<PromptTemplateView> {
	const row = await editable(scope, actor, id);
	const set = { ...(input.title ? { title: input.title } : {}), ...(input.body ? { body: input.body } : {}), updatedAt: now };
	await scope.update(promptTemplates, set, and(eq(promptTemplates.id, id)));
	return toView({ ...row, ...set }, actor);
}

export async function deleteTemplate(scope: TenantScope, actor: TemplateActor, id: string): Promise<void> {
	await editable(scope, actor, id);
	await scope.delete(promptTemplates, eq(promptTemplates.id, id));
}
