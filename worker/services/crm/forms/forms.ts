/**
 * Lead forms of a tenant's workspaces: creating one and changing its status. The staff routes
 * and the demo seed call these; access checks are the caller's (routes) job.
 */
import { eq } from "drizzle-orm";
import type { FormConsent, FormField, FormHiddenField, FormStatus, FormSuccess } from "../../../../schema/crm-forms";
import { type CrmForm, crmForms } from "../../../../schema/index";
import type { TenantScope } from "../../../lib/db";
import { newId } from "../../../lib/ids";
import { problems } from "../../../lib/problem";

export type NewForm = {
	id?: string;
	clientId: string | null;
	name: string;
	status?: FormStatus;
	fields: FormField[];
	consents: FormConsent[];
	hiddenFields: FormHiddenField[];
	success: FormSuccess;
	doubleOptIn: boolean;
	createdBy: string | null;
};

export async function createForm(scope: TenantScope, input: NewForm, now = Date.now()): Promise<CrmForm> {
	const [form] = await scope
		.insert(crmForms, {
			id: input.id ?? newId(now),
			clientId: input.clientId,
			name: input.name,
			status: input.status ?? "draft",
			fields: input.fields,
			consents: input.consents,
			hiddenFields: input.hiddenFields,
			success: input.success,
			doubleOptIn: input.doubleOptIn,
			createdBy: input.createdBy,
			createdAt: now,
			updatedAt: now,
		})
		.returning();
	if (!form) throw problems.internal();
	return form;
}

export async function setFormStatus(scope: TenantScope, formId: string, status: FormStatus, now = Date.now()): Promise<CrmForm> {
	const [form] = await scope.update(crmForms, { status, updatedAt: now }, eq(crmForms.id, formId)).returning();
	if (!form) throw problems.notFound("There is no form with this id.");
	return form;
}
