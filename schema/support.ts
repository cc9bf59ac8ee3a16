/**
 * The vocabulary of client support: ticket statuses and priorities, announcement severities and
 * audiences, satisfaction survey kinds, and the defaults a tenant has until it changes them.
 */
import type { ServiceTier } from "./portal";

/** open: the agency owes a reply; waiting_on_client: the client does; resolved: done, reopens on a client reply; closed: final. */
export const TICKET_STATUSES = ["open", "waiting_on_client", "resolved", "closed"] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];

export const TICKET_PRIORITIES = ["low", "normal", "high", "urgent"] as const;
export type TicketPriority = (typeof TICKET_PRIORITIES)[number];

/** Statuses in which a ticket can still be overdue (the agency has not closed the matter). */
export const ACTIVE_TICKET_STATUSES: readonly TicketStatus[] = ["open", "waiting_on_client"];

export const ANNOUNCEMENT_SEVERITIES = ["info", "warning", "critical"] as const;
export type AnnouncementSeverity = (typeof ANNOUNCEMENT_SEVERITIES)[number];

/** Who sees an announcement: every client, or the clients on some tiers, in some statuses, or chosen by id. */
export const AUDIENCE_KINDS = ["all", "tiers", "statuses", "clients"] as const;
export type AudienceKind = (typeof AUDIENCE_KINDS)[number];

export const SURVEY_KINDS = ["csat", "nps"] as const;
export type SurveyKind = (typeof SURVEY_KINDS)[number];

/** What completing a milestone asks the client: nothing, a CSAT (1–5) or an NPS (0–10) question. */
export const SURVEY_MODES = ["off", ...SURVEY_KINDS] as const;
export type SurveyMode = (typeof SURVEY_MODES)[number];

export const SURVEY_SCALES: Record<SurveyKind, { min: number; max: number }> = { csat: { min: 1, max: 5 }, nps: { min: 0, max: 10 } };

/** Hours within which the agency answers a new ticket, per client service tier. */
export const DEFAULT_RESPONSE_TARGET_HOURS: Record<ServiceTier, number> = { basic: 48, standard: 24, premium: 4 };
