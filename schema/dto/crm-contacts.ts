/**
 * Wire shapes of CRM contacts, companies, custom field definitions and saved views (issue #18).
 * Custom field values arrive as a free JSON object here; their types are checked against the
 * workspace's definitions by worker/services/crm/custom-fields (422 naming `customFields.<key>`).
 */
import { z } from "zod";
import { CRM_RECORD_KINDS, CUSTOM_FIELD_TYPES, LIFECYCLE_STAGES } from "../crm";
import { WorkspaceKey } from "./crm-workspaces";
import { IdParam } from "./portal";

const Limit = z.coerce.number().int("must be a whole number").min(1, "must be at least 1").max(100, "must be at most 100").default(25);
const Cursor = z
	.string()
	.max(500)
	.regex(/^[A-Za-z0-9_-]+$/, "must be a cursor returned by this endpoint");
const Text = (max: number) => z.string().trim().max(max, `must be at most ${max} characters`);
const Name = (max: number) => z.string().trim().min(1, "is required").max(max, `must be at most ${max} characters`);
const Email = z.string().trim().max(320, "must be at most 320 characters").pipe(z.email("must be an email address"));
const Phone = z
	.string()
	.trim()
	.max(40, "must be at most 40 characters")
	.regex(/^\+?[0-9 ().-]{4,}$/, "must be a phone number (digits, spaces, + ( ) . -)");
const Domain = z
	.string()
	.trim()
	.max(253, "must be at most 253 characters")
	.regex(/^(https?:\/\/)?(www\.)?[a-z0-9-]+(\.[a-z0-9-]+)+(\/.*)?$/i, "must be a domain such as example.com");
const Tag = z.string().trim().min(1, "must not be empty").max(40, "must be at most 40 characters");
export const Tags = z
	.array(Tag)
	.max(20, "must hold at most 20 tags")
	.transform((tags) => [...new Set(tags)]);
const CustomValues = z
	.record(z.string().max(40), z.unknown())
	.meta({ description: "Custom field key → value, typed by the workspace's definitions" });

const Synced = { id: z.string(), createdAt: z.number(), updatedAt: z.number(), deletedAt: z.number().nullable() };
const RecordCommon = {
	...Synced,
	workspace: WorkspaceKey,
	ownerUserId: z.string().nullable(),
	lifecycleStage: z.enum(LIFECYCLE_STAGES),
	tags: z.array(z.string()),
	customFields: z.record(z.string(), z.unknown()),
	mergedIntoId: z.string().nullable(),
};

export const ContactDto = z
	.object({
		...RecordCommon,
		firstName: z.string(),
		lastName: z.string(),
		email: z.string().nullable(),
		phone: z.string().nullable(),
		title: z.string().nullable(),
		companyId: z.string().nullable(),
	})
	.meta({ id: "CrmContact" });

export const CompanyDto = z
	.object({ ...RecordCommon, name: z.string(), domain: z.string().nullable(), phone: z.string().nullable() })
	.meta({ id: "CrmCompany" });

const WritableCommon = {
	ownerUserId: IdParam.nullable().optional(),
	lifecycleStage: z.enum(LIFECYCLE_STAGES).optional(),
	tags: Tags.optional(),
	customFields: CustomValues.optional(),
};

const ContactFields = {
	firstName: Text(100).optional(),
	lastName: Text(100).optional(),
	email: Email.nullable().optional(),
	phone: Phone.nullable().optional(),
	title: Text(200).nullable().optional(),
	companyId: IdParam.nullable().optional(),
	...WritableCommon,
};

const IdField = IdParam.optional().meta({ description: "A UUIDv7 made by the caller (offline creation); generated when absent" });

export const CreateContactBody = z
	.strictObject({ id: IdField, workspace: WorkspaceKey, ...ContactFields })
	.refine((c) => Boolean(c.firstName || c.lastName || c.email || c.phone), {
		message: "needs a name, an email or a phone",
		path: ["firstName"],
	})
	.meta({ id: "CreateCrmContactBody" });
export const UpdateContactBody = z.strictObject(ContactFields).meta({ id: "UpdateCrmContactBody" });

const CompanyFields = { domain: Domain.nullable().optional(), phone: Phone.nullable().optional(), ...WritableCommon };
export const CreateCompanyBody = z
	.strictObject({ id: IdField, workspace: WorkspaceKey, name: Name(200), ...CompanyFields })
	.meta({ id: "CreateCrmCompanyBody" });
export const UpdateCompanyBody = z.strictObject({ name: Name(200).optional(), ...CompanyFields }).meta({ id: "UpdateCrmCompanyBody" });

/** The list filters of contacts and companies; a saved view stores these. */
export const RecordFilters = {
	workspace: WorkspaceKey.optional(),
	q: z.string().trim().max(100, "must be at most 100 characters").optional(),
	stage: z.enum(LIFECYCLE_STAGES).optional(),
	tag: Tag.optional(),
	owner: IdParam.optional(),
};
export const ContactListQuery = z.strictObject({
	...RecordFilters,
	companyId: IdParam.optional(),
	cursor: Cursor.optional(),
	limit: Limit,
});
export const CompanyListQuery = z.strictObject({ ...RecordFilters, cursor: Cursor.optional(), limit: Limit });

export const ContactPage = z.object({ contacts: z.array(ContactDto), nextCursor: z.string().nullable() }).meta({ id: "CrmContactPage" });
export const CompanyPage = z.object({ companies: z.array(CompanyDto), nextCursor: z.string().nullable() }).meta({ id: "CrmCompanyPage" });

/** Records sharing a normalised email or phone (contacts) or domain (companies) in the same workspace. */
export const ContactDuplicates = z.object({ duplicates: z.array(ContactDto) }).meta({ id: "CrmContactDuplicates" });
export const CompanyDuplicates = z.object({ duplicates: z.array(CompanyDto) }).meta({ id: "CrmCompanyDuplicates" });

export const MergeBody = z
	.strictObject({
		/** The duplicate merged into this record (then deleted, naming this one as its survivor). */
		sourceId: IdParam,
		/** Fields where the duplicate's value wins; elsewhere this record's value stays and the duplicate's fills only empty fields. */
		preferSource: z.array(z.string().max(60)).max(40).default([]),
	})
	.meta({ id: "CrmMergeBody" });

/* ── custom field definitions ─────────────────────────────────────────── */

export const CustomFieldDto = z
	.object({
		...Synced,
		workspace: WorkspaceKey,
		recordKind: z.enum(CRM_RECORD_KINDS),
		key: z.string(),
		label: z.string(),
		type: z.enum(CUSTOM_FIELD_TYPES),
		options: z.array(z.string()),
		position: z.number(),
	})
	.meta({ id: "CrmCustomField" });
export const CustomFieldList = z.object({ fields: z.array(CustomFieldDto) }).meta({ id: "CrmCustomFieldList" });
export const CustomFieldListQuery = z.strictObject({ workspace: WorkspaceKey, recordKind: z.enum(CRM_RECORD_KINDS).optional() });

const FieldKey = z
	.string()
	.trim()
	.regex(/^[a-z][a-z0-9_]{0,39}$/, "must start with a letter and hold only a-z, 0-9 and _ (at most 40)");
const Options = z.array(Name(100)).max(100, "must hold at most 100 options");
export const CreateCustomFieldBody = z
	.strictObject({
		id: IdField,
		workspace: WorkspaceKey,
		recordKind: z.enum(CRM_RECORD_KINDS),
		key: FieldKey,
		label: Name(100),
		type: z.enum(CUSTOM_FIELD_TYPES),
		options: Options.default([]),
		position: z.number().int().min(0).max(10_000).default(0),
	})
	.superRefine((f, ctx) => {
		const choice = f.type === "choice" || f.type === "multi_choice";
		if (choice && f.options.length === 0) ctx.addIssue({ code: "custom", path: ["options"], message: "needs at least one option" });
		if (!choice && f.options.length > 0) ctx.addIssue({ code: "custom", path: ["options"], message: "only choice fields have options" });
		if (new Set(f.options).size !== f.options.length) ctx.addIssue({ code: "custom", path: ["options"], message: "must not repeat" });
	})
	.meta({ id: "CreateCrmCustomFieldBody" });
export const UpdateCustomFieldBody = z
	.strictObject({ label: Name(100).optional(), options: Options.optional(), position: z.number().int().min(0).max(10_000).optional() })
	.meta({ id: "UpdateCrmCustomFieldBody" });

/* ── saved views ──────────────────────────────────────────────────────── */

export const SavedViewFilters = z.strictObject({
	q: RecordFilters.q,
	stage: RecordFilters.stage,
	tag: RecordFilters.tag,
	owner: RecordFilters.owner,
});
export const SavedViewDto = z
	.object({
		...Synced,
		workspace: WorkspaceKey,
		recordKind: z.enum(CRM_RECORD_KINDS),
		name: z.string(),
		filters: SavedViewFilters,
		createdByUserId: z.string().nullable(),
	})
	.meta({ id: "CrmSavedView" });
export const SavedViewList = z.object({ views: z.array(SavedViewDto) }).meta({ id: "CrmSavedViewList" });
export const SavedViewListQuery = z.strictObject({ workspace: WorkspaceKey, recordKind: z.enum(CRM_RECORD_KINDS).optional() });
export const CreateSavedViewBody = z
	.strictObject({ id: IdField, workspace: WorkspaceKey, recordKind: z.enum(CRM_RECORD_KINDS), name: Name(80), filters: SavedViewFilters })
	.meta({ id: "CreateCrmSavedViewBody" });

/* ── workspaces ───────────────────────────────────────────────────────── */

export const WorkspaceDto = z
	.object({ key: WorkspaceKey, name: z.string(), access: z.enum(["read", "manage"]) })
	.meta({ id: "CrmWorkspace" });
export const WorkspaceList = z.object({ workspaces: z.array(WorkspaceDto) }).meta({ id: "CrmWorkspaceList" });

export type ContactT = z.infer<typeof ContactDto>;
export type CompanyT = z.infer<typeof CompanyDto>;
export type CustomFieldT = z.infer<typeof CustomFieldDto>;
export type SavedViewT = z.infer<typeof SavedViewDto>;
export type WorkspaceT = z.infer<typeof WorkspaceDto>;
