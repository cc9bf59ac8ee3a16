/** Wire shapes of the audit log viewer: filters, one event, a page of events. */
import { z } from "zod";
import { AUDIT_ACTIONS } from "../audit-actions";

const Millis = z.coerce
	.number("must be milliseconds since the epoch")
	.int("must be milliseconds since the epoch")
	.min(0, "must not be negative");

/** Filters shared by the JSON list and the CSV export. */
export const AuditFilters = {
	/** A user id or an actor label: an email, `api-key:<prefix>`, `system`. */
	actor: z.string().trim().min(1, "must not be empty").max(254, "must be at most 254 characters").optional(),
	action: z.enum(AUDIT_ACTIONS, "must be an audit action from the catalogue").optional(),
	/** Events at or after this time (ms). */
	from: Millis.optional(),
	/** Events before this time (ms). */
	to: Millis.optional(),
};

export const AuditEventsQuery = z.strictObject({
	...AuditFilters,
	cursor: z
		.string()
		.regex(/^[A-Za-z0-9_-]{1,200}$/, "must be a cursor returned by this endpoint")
		.optional(),
	limit: z.coerce.number().int("must be a whole number").min(1, "must be at least 1").max(200, "must be at most 200").default(50),
});
export type AuditEventsQuery = z.infer<typeof AuditEventsQuery>;

export const AuditExportQuery = z.strictObject(AuditFilters);
export type AuditExportQuery = z.infer<typeof AuditExportQuery>;

export type AuditFilter = Pick<AuditEventsQuery, "actor" | "action" | "from" | "to">;

export const AuditEventView = z
	.object({
		id: z.string(),
		action: z.enum(AUDIT_ACTIONS),
		actor: z.object({ userId: z.string().nullable(), label: z.string() }),
		target: z.object({ type: z.string(), id: z.string() }).nullable(),
		detail: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])).nullable(),
		ip: z.string().nullable(),
		userAgent: z.string().nullable(),
		createdAt: z.number().int(),
	})
	.meta({ id: "AuditEvent" });
export type AuditEventView = z.infer<typeof AuditEventView>;

export const AuditEventPage = z
	.object({ events: z.array(AuditEventView), nextCursor: z.string().nullable() })
	.meta({ id: "AuditEventPage" });
export type AuditEventPage = z.infer<typeof AuditEventPage>;
