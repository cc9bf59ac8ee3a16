/**
 * Satisfaction surveys: completing a milestone asks its client a CSAT or NPS question (per the
 * tenant's survey mode), once per milestone whatever happens after. A client person answers once;
 * the agency reads results per client and for the whole agency over a date range.
 */
import { and, asc, desc, eq, gte, isNotNull, isNull, lt, type SQL } from "drizzle-orm";
import type { z } from "zod";
import type { AnswerSurveyBody, SurveyDto, SurveyResults, SurveyResultsQuery } from "../../../schema/dto/support";
import { clients, milestones, projects, type Survey, surveys } from "../../../schema/index";
import type { Job } from "../../../schema/jobs";
import { SURVEY_SCALES } from "../../../schema/support";
import type { TenantScope } from "../../lib/db";
import { newId } from "../../lib/ids";
import { problems } from "../../lib/problem";
import { notify } from "../notifications/notify";
import { linkedClientId } from "../portal/client-access";
import { clientPeopleIds } from "./people";
import { supportSettingsOf } from "./settings";
import { csatSummary, npsSummary } from "./survey-scores";

export type SurveyView = z.infer<typeof SurveyDto>;

/**
 * After a milestone's completion: creates its survey when the tenant asks one and none exists for
 * this milestone yet, and tells the client's people. Returns the new survey, or null.
 */
export async function requestMilestoneSurvey(
	scope: TenantScope,
	enqueue: (job: Job) => Promise<void>,
	milestone: { id: string; title: string },
	project: { id: string; clientId: string; name: string },
	now = Date.now(),
): Promise<Survey | null> {
	const { surveyMode } = await supportSettingsOf(scope);
	if (surveyMode === "off") return null;
	const [created] = await scope
		.insert(surveys, {
			id: newId(now),
			clientId: project.clientId,
			projectId: project.id,
			milestoneId: milestone.id,
			kind: surveyMode,
			createdAt: now,
		})
		.onConflictDoNothing()
		.returning();
	if (!created) return null;
	await notify(scope, enqueue, await clientPeopleIds(scope, project.clientId), {
		event: "survey_requested",
		title: surveyMode === "nps" ? "Would you recommend us?" : "How did we do?",
		body: `${project.name}: "${milestone.title}" is complete. Tell us in one tap.`,
		url: "/surveys",
		dedupeKey: `survey:${created.id}`,
	});
	return created;
}

function selectSurveys(scope: TenantScope, ...conditions: (SQL | undefined)[]) {
	return scope.db
		.select({ survey: surveys, projectName: projects.name, milestoneTitle: milestones.title })
		.from(surveys)
		.innerJoin(projects, and(eq(projects.id, surveys.projectId), eq(projects.tenantId, surveys.tenantId)))
		.innerJoin(milestones, and(eq(milestones.id, surveys.milestoneId), eq(milestones.tenantId, surveys.tenantId)))
		.where(scope.where(surveys, ...conditions));
}

function toDto(row: { survey: Survey; projectName: string; milestoneTitle: string }): SurveyView {
	const { tenantId: _tenant, respondedByUserId: _by, ...survey } = row.survey;
	return { ...survey, projectName: row.projectName, milestoneTitle: row.milestoneTitle };
}

/** The signed-in client person's surveys, unanswered first, then the newest answered. */
export async function surveysForPerson(scope: TenantScope, userId: string): Promise<SurveyView[]> {
	const clientId = await linkedClientId(scope, userId);
	if (!clientId) return [];
	const rows = await selectSurveys(scope, eq(surveys.clientId, clientId))
		.orderBy(asc(surveys.respondedAt), desc(surveys.createdAt))
		.limit(50);
	return rows.map(toDto);
}

/** Answers a survey of the person's own client, once (the same answer again is accepted and changes nothing). */
export async function answerSurvey(
	scope: TenantScope,
	userId: string,
	id: string,
	input: z.infer<typeof AnswerSurveyBody>,
	now = Date.now(),
): Promise<SurveyView> {
	const clientId = await linkedClientId(scope, userId);
	const [row] = await selectSurveys(scope, eq(surveys.id, id)).limit(1);
	if (!row || row.survey.clientId !== clientId) throw problems.notFound("There is no survey with this id for you.");
	const scale = SURVEY_SCALES[row.survey.kind];
	if (input.score < scale.min || input.score > scale.max) {
		throw problems.validation([{ path: "score", message: `must be from ${scale.min} to ${scale.max}` }]);
	}
	const comment = input.comment ? input.comment : null;
	if (row.survey.respondedAt !== null) {
		if (row.survey.score === input.score && row.survey.comment === comment) return toDto(row);
		throw problems.conflict("score", "was already given; a survey is answered once");
	}
	const [saved] = await scope
		.update(
			surveys,
			{ score: input.score, comment, respondedByUserId: userId, respondedAt: now },
			eq(surveys.id, id),
			isNull(surveys.respondedAt),
		)
		.returning();
	if (!saved) throw problems.conflict("score", "was already given; a survey is answered once");
	return toDto({ ...row, survey: saved });
}

/** CSAT and NPS over answers given in [from, to), for the agency and per client (optionally one client). */
export async function surveyResults(scope: TenantScope, query: z.infer<typeof SurveyResultsQuery>): Promise<z.infer<typeof SurveyResults>> {
	if (query.from !== undefined && query.to !== undefined && query.to <= query.from) {
		throw problems.validation([{ path: "to", message: "must be after from" }]);
	}
	const rows = await scope.db
		.select({ clientId: surveys.clientId, clientName: clients.name, kind: surveys.kind, score: surveys.score })
		.from(surveys)
		.innerJoin(clients, and(eq(clients.id, surveys.clientId), eq(clients.tenantId, surveys.tenantId)))
		.where(
			scope.where(
				surveys,
				isNotNull(surveys.respondedAt),
				query.from === undefined ? undefined : gte(surveys.respondedAt, query.from),
				query.to === undefined ? undefined : lt(surveys.respondedAt, query.to),
				query.clientId ? eq(surveys.clientId, query.clientId) : undefined,
			),
		)
		.orderBy(asc(clients.name));
	const scoresOf = (list: typeof rows, kind: Survey["kind"]) =>
		list.filter((r) => r.kind === kind && r.score !== null).map((r) => r.score as number);
	const byClient = new Map<string, { clientName: string; rows: typeof rows }>();
	for (const row of rows) {
		const entry = byClient.get(row.clientId) ?? { clientName: row.clientName, rows: [] };
		entry.rows.push(row);
		byClient.set(row.clientId, entry);
	}
	return {
		from: query.from ?? null,
		to: query.to ?? null,
		agency: { csat: csatSummary(scoresOf(rows, "csat")), nps: npsSummary(scoresOf(rows, "nps")) },
		clients: [...byClient].map(([clientId, entry]) => ({
			clientId,
			clientName: entry.clientName,
			csat: csatSummary(scoresOf(entry.rows, "csat")),
			nps: npsSummary(scoresOf(entry.rows, "nps")),
		})),
	};
}
