/** Wire shapes of client support: tickets and their messages, support settings, announcements and surveys. */
import { z } from "zod";
import { CLIENT_STATUSES, SERVICE_TIERS } from "../portal";
import { ANNOUNCEMENT_SEVERITIES, SURVEY_KINDS, SURVEY_MODES, TICKET_PRIORITIES, TICKET_STATUSES } from "../support";
import { IdParam } from "./portal";

const Text = (max: number) => z.string().trim().min(1, "is required").max(max, `must be at most ${max} characters`);
const Time = z.number().int("must be milliseconds since the epoch").min(0, "must not be negative").max(8_640_000_000_000_000);
const QueryTime = z.coerce.number().int("must be milliseconds since the epoch").min(0, "must not be negative");
const Limit = z.coerce.number().int("must be a whole number").min(1, "must be at least 1").max(100, "must be at most 100").default(50);
const Cursor = z
	.string()
	.max(500)
	.regex(/^[A-Za-z0-9_-]+$/, "must be a cursor returned by this endpoint");

/* ── settings ─────────────────────────────────────────────────────────── */

const Hours = z.number().int("must be a whole number of hours").min(1, "must be at least 1 hour").max(720, "must be at most 720 hours");

export const SupportSettingsDto = z
	.object({
		responseTargetHours: z.object({ basic: z.number(), standard: z.number(), premium: z.number() }),
		surveyMode: z.enum(SURVEY_MODES),
	})
	.meta({ id: "SupportSettings" });

export const UpdateSupportSettingsBody = z
	.strictObject({
		responseTargetHours: z.strictObject({ basic: Hours, standard: Hours, premium: Hours }).partial().optional(),
		surveyMode: z.enum(SURVEY_MODES).optional(),
	})
	.meta({ id: "UpdateSupportSettingsBody" });

/* ── tickets ──────────────────────────────────────────────────────────── */

export const TicketDto = z
	.object({
		id: z.string(),
		clientId: z.string(),
		clientName: z.string(),
		projectId: z.string().nullable(),
		subject: z.string(),
		status: z.enum(TICKET_STATUSES),
		priority: z.enum(TICKET_PRIORITIES),
		assigneeUserId: z.string().nullable(),
		assigneeName: z.string().nullable(),
		openedByUserId: z.string().nullable(),
		tier: z.string(),
		dueAt: z.number(),
		firstRespondedAt: z.number().nullable(),
		/** No agency reply yet, still active, and past `dueAt`. */
		overdue: z.boolean(),
		lastMessageAt: z.number(),
		createdAt: z.number(),
		updatedAt: z.number(),
	})
	.meta({ id: "Ticket" });

export const TicketMessageDto = z
	.object({
		id: z.string(),
		ticketId: z.string(),
		authorUserId: z.string().nullable(),
		authorName: z.string().nullable(),
		/** Whether the author is on the agency's side. */
		fromAgency: z.boolean(),
		body: z.string(),
		internal: z.boolean(),
		createdAt: z.number(),
	})
	.meta({ id: "TicketMessage" });

export const TicketPage = z.object({ tickets: z.array(TicketDto), nextCursor: z.string().nullable() }).meta({ id: "TicketPage" });

export const TicketDetail = z.object({ ticket: TicketDto, messages: z.array(TicketMessageDto) }).meta({ id: "TicketDetail" });

export const ListTicketsQuery = z.strictObject({
	status: z.enum(TICKET_STATUSES).optional(),
	priority: z.enum(TICKET_PRIORITIES).optional(),
	/** A user id, `me`, or `none` for unassigned tickets. */
	assignee: z.union([IdParam, z.enum(["me", "none"])]).optional(),
	overdue: z.enum(["true", "false"]).optional(),
	clientId: IdParam.optional(),
	cursor: Cursor.optional(),
	limit: Limit,
});

export const OpenTicketBody = z
	.strictObject({
		id: IdParam.optional(),
		/** Required from the agency's side; a client person's own client otherwise. */
		clientId: IdParam.optional(),
		projectId: IdParam.optional(),
		subject: Text(200),
		body: Text(10_000),
		priority: z.enum(TICKET_PRIORITIES).optional(),
	})
	.meta({ id: "OpenTicketBody" });

export const PostTicketMessageBody = z
	.strictObject({ id: IdParam.optional(), body: Text(10_000), internal: z.boolean().optional() })
	.meta({ id: "PostTicketMessageBody" });

export const UpdateTicketBody = z
	.strictObject({
		status: z.enum(TICKET_STATUSES).optional(),
		priority: z.enum(TICKET_PRIORITIES).optional(),
		assigneeUserId: IdParam.nullable().optional(),
	})
	.meta({ id: "UpdateTicketBody" });

/* ── announcements ────────────────────────────────────────────────────── */

export const AudienceDto = z
	.discriminatedUnion("kind", [
		z.strictObject({ kind: z.literal("all") }),
		z.strictObject({ kind: z.literal("tiers"), tiers: z.array(z.enum(SERVICE_TIERS)).min(1, "must name at least one tier") }),
		z.strictObject({ kind: z.literal("statuses"), statuses: z.array(z.enum(CLIENT_STATUSES)).min(1, "must name at least one status") }),
		z.strictObject({
			kind: z.literal("clients"),
			clientIds: z.array(IdParam).min(1, "must name at least one client").max(500, "must name at most 500 clients"),
		}),
	])
	.meta({ id: "AnnouncementAudience" });

export const AnnouncementDto = z
	.object({
		id: z.string(),
		title: z.string(),
		body: z.string(),
		severity: z.enum(ANNOUNCEMENT_SEVERITIES),
		audience: AudienceDto,
		startsAt: z.number(),
		endsAt: z.number().nullable(),
		published: z.boolean(),
		publishedAt: z.number().nullable(),
		createdAt: z.number(),
		updatedAt: z.number(),
	})
	.meta({ id: "Announcement" });

export const AnnouncementList = z.object({ announcements: z.array(AnnouncementDto) }).meta({ id: "AnnouncementList" });

export const BannerDto = z
	.object({ id: z.string(), title: z.string(), body: z.string(), severity: z.enum(ANNOUNCEMENT_SEVERITIES), startsAt: z.number() })
	.meta({ id: "Banner" });

export const BannerList = z.object({ banners: z.array(BannerDto) }).meta({ id: "BannerList" });

const AnnouncementFields = {
	title: Text(120),
	body: Text(2000),
	severity: z.enum(ANNOUNCEMENT_SEVERITIES),
	audience: AudienceDto,
	startsAt: Time,
	endsAt: Time.nullable(),
	published: z.boolean(),
};

export const CreateAnnouncementBody = z
	.strictObject({
		id: IdParam.optional(),
		...AnnouncementFields,
		severity: AnnouncementFields.severity.default("info"),
		audience: AnnouncementFields.audience.default({ kind: "all" }),
		startsAt: Time.optional(),
		endsAt: Time.nullable().optional(),
		published: z.boolean().default(true),
	})
	.meta({ id: "CreateAnnouncementBody" });

export const UpdateAnnouncementBody = z.strictObject(AnnouncementFields).partial().meta({ id: "UpdateAnnouncementBody" });

/* ── surveys ──────────────────────────────────────────────────────────── */

export const SurveyDto = z
	.object({
		id: z.string(),
		kind: z.enum(SURVEY_KINDS),
		clientId: z.string(),
		projectId: z.string(),
		projectName: z.string(),
		milestoneId: z.string(),
		milestoneTitle: z.string(),
		score: z.number().nullable(),
		comment: z.string().nullable(),
		respondedAt: z.number().nullable(),
		createdAt: z.number(),
	})
	.meta({ id: "Survey" });

export const SurveyList = z.object({ surveys: z.array(SurveyDto) }).meta({ id: "SurveyList" });

export const AnswerSurveyBody = z
	.strictObject({
		score: z.number().int("must be a whole number").min(0, "must be at least 0").max(10, "must be at most 10"),
		comment: z.string().trim().max(2000, "must be at most 2000 characters").optional(),
	})
	.meta({ id: "AnswerSurveyBody" });

export const CsatSummary = z
	.object({
		responses: z.number(),
		/** Scores of 4 or 5. */
		satisfied: z.number(),
		/** satisfied ÷ responses × 100, one decimal; null without responses. */
		satisfiedPercent: z.number().nullable(),
		average: z.number().nullable(),
	})
	.meta({ id: "CsatSummary" });

export const NpsSummary = z
	.object({
		responses: z.number(),
		promoters: z.number(),
		passives: z.number(),
		detractors: z.number(),
		/** % promoters − % detractors, rounded to a whole number; null without responses. */
		score: z.number().nullable(),
	})
	.meta({ id: "NpsSummary" });

export const SurveyResults = z
	.object({
		from: z.number().nullable(),
		to: z.number().nullable(),
		agency: z.object({ csat: CsatSummary, nps: NpsSummary }),
		clients: z.array(z.object({ clientId: z.string(), clientName: z.string(), csat: CsatSummary, nps: NpsSummary })),
	})
	.meta({ id: "SurveyResults" });

export const SurveyResultsQuery = z.strictObject({ from: QueryTime.optional(), to: QueryTime.optional(), clientId: IdParam.optional() });
