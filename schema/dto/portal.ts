/** Wire shapes of the client portal API: clients and their people, projects, milestones, tasks, deliverables, dashboards. */
import { z } from "zod";
import { CRM_ACCESS_LEVELS } from "../crm";
import {
	CLIENT_STATUSES,
	DELIVERABLE_KINDS,
	DELIVERABLE_STATUSES,
	MILESTONE_STATUSES,
	PROJECT_STATUSES,
	REVIEW_DECISIONS,
	SERVICE_TIERS,
	TASK_STATUSES,
} from "../portal";
import { BookingDto } from "./bookings";

export const IdParam = z.uuid("must be an id");
const Title = (max: number) => z.string().trim().min(1, "is required").max(max, `must be at most ${max} characters`);
const LongText = z.string().trim().max(5000, "must be at most 5000 characters");
const Time = z.number().int("must be milliseconds since the epoch").min(0, "must not be negative").max(8_640_000_000_000_000);
export const HttpsUrl = z
	.string()
	.trim()
	.max(2000, "must be at most 2000 characters")
	.pipe(z.url({ protocol: /^https$/, message: "must be an https:// address" }));
const Limit = z.coerce.number().int("must be a whole number").min(1, "must be at least 1").max(100, "must be at most 100").default(20);
const Cursor = z
	.string()
	.max(500)
	.regex(/^[A-Za-z0-9_-]+$/, "must be a cursor returned by this endpoint");

const Synced = { id: z.string(), createdAt: z.number(), updatedAt: z.number(), deletedAt: z.number().nullable() };

/* ── clients ──────────────────────────────────────────────────────────── */

export const ClientDto = z
	.object({
		...Synced,
		name: z.string(),
		status: z.enum(CLIENT_STATUSES),
		tier: z.string(),
		ownerUserId: z.string().nullable(),
		notes: z.string(),
		website: z.string().nullable(),
		/** What the client's people may do in their CRM workspace: none, read or manage. */
		crmAccess: z.enum(CRM_ACCESS_LEVELS),
	})
	.meta({ id: "Client" });

export const CLIENT_SORTS = ["name", "created", "updated", "status"] as const;

export const ClientListQuery = z.strictObject({
	q: z.string().trim().max(100, "must be at most 100 characters").optional(),
	status: z.enum(CLIENT_STATUSES).optional(),
	tier: z.enum(SERVICE_TIERS).optional(),
	owner: IdParam.optional(),
	sort: z.enum(CLIENT_SORTS).default("name"),
	cursor: Cursor.optional(),
	limit: Limit,
});

export const ClientPage = z.object({ clients: z.array(ClientDto), nextCursor: z.string().nullable() }).meta({ id: "ClientPage" });

export const CreateClientBody = z
	.strictObject({
		id: IdParam.optional().meta({ description: "A UUIDv7 made by the caller (offline creation); generated when absent" }),
		name: Title(200),
		status: z.enum(CLIENT_STATUSES).exclude(["archived"]).default("pending_setup"),
		tier: z.enum(SERVICE_TIERS).default("standard"),
		ownerUserId: IdParam.nullable().optional(),
		notes: LongText.default(""),
		website: HttpsUrl.nullable().optional(),
	})
	.meta({ id: "CreateClientBody" });

export const UpdateClientBody = z
	.strictObject({
		name: Title(200).optional(),
		status: z.enum(CLIENT_STATUSES).exclude(["archived"]).optional(),
		tier: z.enum(SERVICE_TIERS).optional(),
		ownerUserId: IdParam.nullable().optional(),
		notes: LongText.optional(),
		website: HttpsUrl.nullable().optional(),
		crmAccess: z
			.enum(CRM_ACCESS_LEVELS)
			.optional()
			.meta({ description: "What the client's people may do in their CRM workspace (audited as client.crm_access_changed)" }),
	})
	.meta({ id: "UpdateClientBody" });

export const ClientPerson = z
	.object({
		userId: z.string(),
		name: z.string(),
		email: z.string(),
		/** Their role in the client's company, as given when they were invited. */
		title: z.string().nullable(),
		linkedAt: z.number(),
	})
	.meta({ id: "ClientPerson" });
export const ClientPeople = z.object({ people: z.array(ClientPerson) }).meta({ id: "ClientPeople" });
/** Client-role members linked to no client yet. */
export const LinkCandidates = z
	.object({ candidates: z.array(z.object({ userId: z.string(), name: z.string(), email: z.string() })) })
	.meta({ id: "LinkCandidates" });

/* ── projects and milestones ─────────────────────────────────────────── */

export const ProjectDto = z
	.object({
		...Synced,
		clientId: z.string(),
		name: z.string(),
		description: z.string(),
		status: z.enum(PROJECT_STATUSES),
		startsAt: z.number().nullable(),
		dueAt: z.number().nullable(),
	})
	.meta({ id: "Project" });

export const MilestoneDto = z
	.object({
		...Synced,
		projectId: z.string(),
		title: z.string(),
		dueAt: z.number().nullable(),
		status: z.enum(MILESTONE_STATUSES),
		position: z.number(),
		completedAt: z.number().nullable(),
	})
	.meta({ id: "Milestone" });

export const TaskDto = z
	.object({
		...Synced,
		projectId: z.string(),
		milestoneId: z.string().nullable(),
		title: z.string(),
		description: z.string(),
		assigneeUserId: z.string().nullable(),
		/** A pending invitation the task waits for (assigneeUserId is null until it is accepted). */
		assigneeInvitationId: z.string().nullable(),
		dueAt: z.number().nullable(),
		status: z.enum(TASK_STATUSES),
		completedAt: z.number().nullable(),
	})
	.meta({ id: "Task" });

export const ReviewDto = z
	.object({
		...Synced,
		deliverableId: z.string(),
		authorUserId: z.string().nullable(),
		authorName: z.string().nullable(),
		decision: z.enum(REVIEW_DECISIONS),
		comment: z.string(),
	})
	.meta({ id: "DeliverableReview" });

export const DeliverableDto = z
	.object({
		...Synced,
		projectId: z.string(),
		milestoneId: z.string().nullable(),
		title: z.string(),
		kind: z.enum(DELIVERABLE_KINDS),
		url: z.string().nullable(),
		documentId: z.string().nullable(),
		status: z.enum(DELIVERABLE_STATUSES),
	})
	.meta({ id: "Deliverable" });

export const DeliverableWithReviews = DeliverableDto.extend({ reviews: z.array(ReviewDto) }).meta({ id: "DeliverableWithReviews" });

export const Progress = z
	.object({
		percent: z.number().int().min(0).max(100),
		basis: z.enum(["milestones", "tasks", "none"]),
		done: z.number().int(),
		total: z.number().int(),
	})
	.meta({ id: "Progress" });

export const ProjectDetail = z
	.object({
		project: ProjectDto,
		client: z.object({ id: z.string(), name: z.string() }),
		progress: Progress,
		timeline: z.array(MilestoneDto),
		tasks: z.array(TaskDto),
		deliverables: z.array(DeliverableWithReviews),
		/** People a task may be assigned to: staff, and the people of this project's client. */
		assignees: z.array(z.object({ userId: z.string(), name: z.string(), side: z.enum(["agency", "client"]) })),
		/** Pending invitees a task may wait for (the agency sees them; a client's people get none). */
		invitees: z.array(z.object({ invitationId: z.string(), name: z.string(), email: z.string(), side: z.enum(["agency", "client"]) })),
	})
	.meta({ id: "ProjectDetail" });

export const ProjectSummary = ProjectDto.extend({ clientName: z.string(), progress: Progress }).meta({ id: "ProjectSummary" });

export const ProjectListQuery = z.strictObject({
	clientId: IdParam.optional(),
	status: z.enum(PROJECT_STATUSES).optional(),
	cursor: Cursor.optional(),
	limit: Limit,
});
export const ProjectPage = z.object({ projects: z.array(ProjectSummary), nextCursor: z.string().nullable() }).meta({ id: "ProjectPage" });

export const CreateProjectBody = z
	.strictObject({
		id: IdParam.optional(),
		clientId: IdParam,
		name: Title(200),
		description: LongText.default(""),
		status: z.enum(PROJECT_STATUSES).default("planned"),
		startsAt: Time.nullable().optional(),
		dueAt: Time.nullable().optional(),
	})
	.meta({ id: "CreateProjectBody" });

export const UpdateProjectBody = z
	.strictObject({
		name: Title(200).optional(),
		description: LongText.optional(),
		status: z.enum(PROJECT_STATUSES).optional(),
		startsAt: Time.nullable().optional(),
		dueAt: Time.nullable().optional(),
	})
	.meta({ id: "UpdateProjectBody" });

/**
 * PATCH /projects/{id}: the editable fields, and for a move on a board the status the mover saw
 * (`fromStatus`): when someone changed the status meanwhile the move is refused (409) instead of
 * overwriting theirs (an archived project is not revived by a stale card). Already at `status`
 * counts as done, so a replay succeeds.
 */
export const PatchProjectBody = UpdateProjectBody.extend({ fromStatus: z.enum(PROJECT_STATUSES).optional() })
	.superRefine((body, ctx) => {
		if (body.fromStatus !== undefined && body.status === undefined) {
			ctx.addIssue({ code: "custom", path: ["fromStatus"], message: "needs a status to move to" });
		}
	})
	.meta({ id: "PatchProjectBody" });

export const CreateMilestoneBody = z
	.strictObject({ id: IdParam.optional(), title: Title(200), dueAt: Time.nullable().optional() })
	.meta({ id: "CreateMilestoneBody" });

export const UpdateMilestoneBody = z
	.strictObject({ title: Title(200).optional(), dueAt: Time.nullable().optional(), status: z.enum(MILESTONE_STATUSES).optional() })
	.meta({ id: "UpdateMilestoneBody" });

export const ReorderMilestonesBody = z
	.strictObject({ milestoneIds: z.array(IdParam).min(1, "must name at least one milestone").max(500, "must name at most 500 milestones") })
	.meta({ id: "ReorderMilestonesBody" });

export const MilestoneList = z.object({ milestones: z.array(MilestoneDto) }).meta({ id: "MilestoneList" });

/* ── tasks ──────────────────────────────────────────────────────────── */

/** A task has one assignee: a member, or a pending invitee, not both. */
const oneAssignee = (b: { assigneeUserId?: string | null | undefined; assigneeInvitationId?: string | null | undefined }) =>
	!(b.assigneeUserId && b.assigneeInvitationId);
const oneAssigneeIssue = { message: "must be left out when assigneeUserId is given", path: ["assigneeInvitationId"] };

export const TaskListQuery = z.strictObject({
	projectId: IdParam.optional(),
	status: z.enum(TASK_STATUSES).optional(),
	assignee: z.union([z.literal("me"), IdParam]).optional(),
});
export const TaskList = z.object({ tasks: z.array(TaskDto) }).meta({ id: "TaskList" });

/** A task's fields; offline sync's task mutations take them without assigneeInvitationId (inviting needs the network). */
export const CreateTaskFields = z.strictObject({
	id: IdParam.optional(),
	projectId: IdParam,
	milestoneId: IdParam.nullable().optional(),
	title: Title(200),
	description: LongText.default(""),
	assigneeUserId: IdParam.nullable().optional(),
	/** Or a pending invitation: the task waits for the invitee and is theirs when they join. */
	assigneeInvitationId: IdParam.nullable().optional(),
	dueAt: Time.nullable().optional(),
});
export const CreateTaskBody = CreateTaskFields.refine(oneAssignee, oneAssigneeIssue).meta({ id: "CreateTaskBody" });

export const UpdateTaskFields = z.strictObject({
	milestoneId: IdParam.nullable().optional(),
	title: Title(200).optional(),
	description: LongText.optional(),
	assigneeUserId: IdParam.nullable().optional(),
	assigneeInvitationId: IdParam.nullable().optional(),
	dueAt: Time.nullable().optional(),
	status: z.enum(TASK_STATUSES).optional(),
});
export const UpdateTaskBody = UpdateTaskFields.refine(oneAssignee, oneAssigneeIssue).meta({ id: "UpdateTaskBody" });

/* ── deliverables ───────────────────────────────────────────────────── */

export const DeliverableListQuery = z.strictObject({
	projectId: IdParam.optional(),
	status: z.enum(DELIVERABLE_STATUSES).optional(),
});
export const DeliverableList = z.object({ deliverables: z.array(DeliverableDto) }).meta({ id: "DeliverableList" });

export const CreateDeliverableBody = z
	.strictObject({
		id: IdParam.optional(),
		projectId: IdParam,
		milestoneId: IdParam.nullable().optional(),
		title: Title(200),
		kind: z.enum(DELIVERABLE_KINDS),
		url: HttpsUrl.nullable().optional(),
		/** For a file: one of the client's documents (its current version is what is delivered). */
		documentId: IdParam.nullable().optional(),
	})
	.superRefine((body, ctx) => {
		if (body.kind === "link" && !body.url) ctx.addIssue({ code: "custom", path: ["url"], message: "is required for a link" });
		if (body.kind === "file" && body.url)
			ctx.addIssue({ code: "custom", path: ["url"], message: "is only for links; files come from documents" });
		if (body.kind === "link" && body.documentId)
			ctx.addIssue({ code: "custom", path: ["documentId"], message: "is only for files; links have a url" });
	})
	.meta({ id: "CreateDeliverableBody" });

export const ReviewBody = z
	.strictObject({ decision: z.enum(REVIEW_DECISIONS), comment: z.string().trim().max(5000, "must be at most 5000 characters").default("") })
	.superRefine((body, ctx) => {
		if (body.decision === "changes_requested" && !body.comment) {
			ctx.addIssue({ code: "custom", path: ["comment"], message: "is required when asking for changes" });
		}
	})
	.meta({ id: "ReviewBody" });

/* ── dashboards ─────────────────────────────────────────────────────── */

const TaskLine = TaskDto.extend({ projectName: z.string(), clientName: z.string() });
const DeliverableLine = DeliverableDto.extend({ projectName: z.string(), clientName: z.string() });
const MilestoneLine = MilestoneDto.extend({ projectName: z.string(), clientName: z.string() });

/** Threads with messages the reader has not read (null: their role cannot read messages). */
const UnreadThreads = z.object({
	total: z.number().int(),
	threads: z.array(
		z.object({
			id: z.string(),
			subject: z.string(),
			clientId: z.string(),
			clientName: z.string(),
			projectName: z.string().nullable(),
			lastMessageAt: z.number(),
			unreadCount: z.number().int(),
		}),
	),
});
const RecentDocument = z.object({
	id: z.string(),
	name: z.string(),
	projectId: z.string().nullable(),
	size: z.number().int(),
	contentType: z.string(),
	updatedAt: z.number(),
});
const RecentMessage = z.object({
	id: z.string(),
	threadId: z.string(),
	threadSubject: z.string(),
	authorName: z.string().nullable(),
	excerpt: z.string(),
	createdAt: z.number(),
});

export const StaffDashboard = z
	.object({
		clientsByStatus: z.record(z.enum(CLIENT_STATUSES), z.number().int()),
		overdueTasks: z.array(TaskLine),
		awaitingApproval: z.array(DeliverableLine),
		upcomingMilestones: z.array(MilestoneLine),
		unreadMessages: UnreadThreads.nullable(),
		/** The next confirmed bookings across the clients the reader sees, soonest first (null: the role cannot read bookings). */
		upcomingBookings: z.array(BookingDto).nullable(),
	})
	.meta({ id: "StaffDashboard" });

export const ClientDashboard = z
	.object({
		client: z.object({ id: z.string(), name: z.string() }).nullable(),
		projects: z.array(ProjectDto.extend({ progress: Progress, nextMilestone: MilestoneDto.nullable() })),
		awaitingMyReview: z.array(DeliverableLine),
		myOpenTasks: z.array(TaskLine),
		/** Newest documents of the client (null: the role cannot read documents). */
		recentDocuments: z.array(RecentDocument).nullable(),
		/** Newest messages in the client's threads (null: the role cannot read messages). */
		recentMessages: z.array(RecentMessage).nullable(),
		/** The client's next confirmed booking (null: none booked, or the role cannot read bookings). */
		nextBooking: BookingDto.nullable(),
	})
	.meta({ id: "ClientDashboard" });

export type ClientDtoT = z.infer<typeof ClientDto>;
export type ProgressT = z.infer<typeof Progress>;
export type ClientT = z.infer<typeof ClientDto>;
export type ClientPersonT = z.infer<typeof ClientPerson>;
export type ProjectSummaryT = z.infer<typeof ProjectSummary>;
export type ProjectDetailT = z.infer<typeof ProjectDetail>;
export type MilestoneT = z.infer<typeof MilestoneDto>;
export type TaskT = z.infer<typeof TaskDto>;
export type DeliverableWithReviewsT = z.infer<typeof DeliverableWithReviews>;
export type StaffDashboardT = z.infer<typeof StaffDashboard>;
export type ClientDashboardT = z.infer<typeof ClientDashboard>;
