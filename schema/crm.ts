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

/** Where a contact or company stands in the funnel. */
export const LIFECYCLE_STAGES = ["subscriber", "lead", "mql", "sql", "opportunity", "customer", "other"] as const;
export type LifecycleStage = (typeof LIFECYCLE_STAGES)[number];

/** The records custom fields, saved views and duplicates apply to. */
export const CRM_RECORD_KINDS = ["contact", "company"] as const;
export type CrmRecordKind = (typeof CRM_RECORD_KINDS)[number];

/** The types a workspace's custom field may have; each value is checked on write (worker/services/crm/custom-fields). */
export const CUSTOM_FIELD_TYPES = ["text", "number", "date", "choice", "multi_choice", "url", "email", "phone", "currency"] as const;
export type CustomFieldType = (typeof CUSTOM_FIELD_TYPES)[number];

/** A currency field's value: integer minor units and an ISO 4217 code (schema/money.ts). */
export type CurrencyValue = { amount: number; currency: string };
/** A stored custom field value, by type: text/url/email/phone/date/choice a string, number a number, multi-choice strings. */
export type CustomFieldValue = string | number | string[] | CurrencyValue;
