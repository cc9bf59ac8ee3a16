/**
 * Invitations: send (within the privilege rules and, for the team, the agency's domain rule), list,
 * resend (a new token; the old link dies) and revoke. The token is random, sent once by email through
 * the jobs queue and stored only as its SHA-256; a link works for 7 days. A client-role invitation
 * may name one of the agency's clients: accepting it links the person to that client
 * (invitation-accept.ts); client-invitations.ts sends those from the client's page.
 */
import { and, desc, eq, isNull } from "drizzle-orm";
import type { CreateInvitationBody, InvitationStatus, InvitationView } from "../../../schema/dto/invitations";
import { invitations, roles } from "../../../schema/index";
import type { AuthContext } from "../../env";
import type { TenantScope } from "../../lib/db";
import { newId } from "../../lib/ids";
import { enqueue } from "../../lib/jobs";
import { Problem, problems } from "../../lib/problem";
import { generateToken, tokenId } from "../../lib/tokens";
import { actorOf, recordAudit } from "../audit/audit-log";
import { normalizeEmail } from "../auth/sign-up";
import { assertSeatFor } from "../billing/entitlements";
import { releaseWaitingTasks } from "../portal/task-invitees";
import type { RequestOrigin } from "../sessions/sessions";
import { assertInvitationClient } from "./invitation-client";
import { assertInvitableDomain } from "./invitation-domains";
import { findMemberByEmail } from "./members";
import { assertMayAssign, assertMayManageMember } from "./privileges";
import { findCustomRole } from "./role-lookup";

export const INVITATION_TTL_MS = 7 * 24 * 60 * 60 * 1000;

export type InvitationDeps = {
	scope: TenantScope;
	actor: AuthContext;
	origin: RequestOrigin;
	/** The email job builds the link on the agency's canonical address; no request URL is queued. */
	jobs: { JOBS: Queue };
};

type InvitationRow = typeof invitations.$inferSelect;

export function statusOf(row: Pick<InvitationRow, "acceptedAt" | "revokedAt" | "expiresAt">, now = Date.now()): InvitationStatus {
	if (row.acceptedAt !== null) return "accepted";
	if (row.revokedAt !== null) return "revoked";
	return row.expiresAt <= now ? "expired" : "pending";
}

function toView(row: InvitationRow, customRoleName: string | null, now = Date.now()): InvitationView {
	return {
		id: row.id,
		email: row.email,
		role: row.role,
		customRole: row.customRoleId && customRoleName ? { id: row.customRoleId, name: customRoleName } : null,
		clientId: row.clientId,
		name: row.name,
		title: row.title,
		status: statusOf(row, now),
		invitedBy: row.invitedByLabel,
		createdAt: row.createdAt,
		lastSentAt: row.lastSentAt,
		expiresAt: row.expiresAt,
		acceptedAt: row.acceptedAt,
		revokedAt: row.revokedAt,
	};
}

export async function listInvitations(scope: TenantScope, status?: InvitationStatus, now = Date.now()): Promise<InvitationView[]> {
	const rows = await scope.db
		.select({ invitation: invitations, customRoleName: roles.name })
		.from(invitations)
		.leftJoin(roles, and(eq(roles.id, invitations.customRoleId), eq(roles.tenantId, invitations.tenantId)))
		.where(scope.where(invitations))
		.orderBy(desc(invitations.createdAt))
		.limit(500);
	return rows.map((r) => toView(r.invitation, r.customRoleName, now)).filter((v) => !status || v.status === status);
}

function label(actor: AuthContext): string {
	return actor.via === "api-key" ? actorOf(actor).label : actor.user.name;
}

async function sendLink(deps: InvitationDeps, invitation: { id: string }, token: string): Promise<void> {
	await enqueue(deps.jobs, {
		type: "invitation-email",
		tenantId: deps.scope.tenantId,
		invitationId: invitation.id,
		token,
		idempotencyKey: `invitation:${invitation.id}:${tokenId(token).slice(0, 16)}`,
	});
}

export async function createInvitation(deps: InvitationDeps, body: CreateInvitationBody, now = Date.now()): Promise<InvitationView> {
	const { scope, actor } = deps;
	const role = body.role ?? "staff";
	const customRole = body.customRoleId ? await findCustomRole(scope, body.customRoleId) : null;
	if (body.customRoleId && !customRole) throw problems.validation([{ path: "customRoleId", message: "is not a role of this agency" }]);
	if (role === "owner" && customRole) {
		throw problems.validation([{ path: "customRoleId", message: "must be left out for an owner: owners always have every permission" }]);
	}
	const clientId = body.clientId ?? null;
	await assertInvitationClient(scope, role, clientId);
	assertMayAssign(actor, role, customRole?.permissions ?? null);
	const email = normalizeEmail(body.email);
	// Inviting an existing member offers them a new role: only if the inviter may change them at all.
	const member = await findMemberByEmail(scope, email);
	if (member) assertMayManageMember(actor, member);
	await assertSeatFor(scope, member?.role ?? null, role, now);
	const fields = {
		email: body.email,
		role,
		customRoleId: customRole?.id ?? null,
		clientId,
		name: body.name ?? null,
		title: body.title ?? null,
	};
	return issueInvitation(deps, fields, customRole?.name ?? null, now);
}

/** What an invitation offers; the callers have checked who may offer it. */
export type InvitationFields = Pick<InvitationRow, "email" | "role" | "customRoleId" | "clientId" | "name" | "title">;

/**
 * Stores an invitation and emails its link: the domain rule (team-side roles only: the agency's
 * clients work at their own companies), one pending invitation per email, the audit entry.
 */
export async function issueInvitation(
	deps: InvitationDeps,
	fields: InvitationFields,
	customRoleName: string | null,
	now = Date.now(),
): Promise<InvitationView> {
	const { scope, actor } = deps;
	if (fields.role !== "client") await assertInvitableDomain(scope, fields.email);
	const email = normalizeEmail(fields.email);
	const open = await scope.db
		.select({ row: invitations })
		.from(invitations)
		.where(scope.where(invitations, eq(invitations.emailNormalized, email), isNull(invitations.acceptedAt), isNull(invitations.revokedAt)));
	if (open.some(({ row }) => statusOf(row, now) === "pending")) {
		throw problems.conflict("email", "already has a pending invitation; resend it instead");
	}
	const token = generateToken();
	const row: InvitationRow = {
		...fields,
		id: newId(now),
		tenantId: scope.tenantId,
		email: fields.email.trim(),
		emailNormalized: email,
		tokenHash: tokenId(token),
		expiresAt: now + INVITATION_TTL_MS,
		invitedByUserId: actor.user.id,
		invitedByLabel: label(actor),
		acceptedAt: null,
		acceptedUserId: null,
		revokedAt: null,
		lastSentAt: now,
		createdAt: now,
	};
	const { tenantId: _tenant, ...values } = row;
	await scope.insert(invitations, values);
	await sendLink(deps, row, token);
	await recordAudit(scope, {
		action: "invitation.created",
		actor: actorOf(actor),
		target: { type: "invitation", id: row.id },
		detail: { email: row.email, role: row.role, customRoleId: row.customRoleId, clientId: row.clientId },
		...deps.origin,
	});
	return toView(row, customRoleName, now);
}

export async function findInvitation(scope: TenantScope, id: string): Promise<{ row: InvitationRow; customRoleName: string | null }> {
	const [found] = await scope.db
		.select({ row: invitations, customRoleName: roles.name })
		.from(invitations)
		.leftJoin(roles, and(eq(roles.id, invitations.customRoleId), eq(roles.tenantId, invitations.tenantId)))
		.where(scope.where(invitations, eq(invitations.id, id)))
		.limit(1);
	if (!found) throw problems.notFound("There is no such invitation in this agency.");
	return found;
}

function notOpen(status: "accepted" | "revoked" | "closed"): Problem {
	return new Problem(
		409,
		"invitation-closed",
		"The invitation is closed",
		status === "closed" ? "This invitation was accepted or revoked meanwhile." : `This invitation was already ${status}.`,
	);
}

export async function resendInvitation(deps: InvitationDeps, id: string, now = Date.now()): Promise<InvitationView> {
	const found = await findInvitation(deps.scope, id);
	const customRole = found.row.customRoleId ? await findCustomRole(deps.scope, found.row.customRoleId) : null;
	assertMayAssign(deps.actor, found.row.role, customRole?.permissions ?? null);
	return renewLink(deps, found, now);
}

/** A new link for an open invitation (the old one dies); the caller has checked who may resend it. */
export async function renewLink(
	deps: InvitationDeps,
	{ row, customRoleName }: { row: InvitationRow; customRoleName: string | null },
	now = Date.now(),
): Promise<InvitationView> {
	const { scope, actor } = deps;
	const id = row.id;
	const status = statusOf(row, now);
	if (status === "accepted" || status === "revoked") throw notOpen(status);
	const token = generateToken();
	const next = { tokenHash: tokenId(token), expiresAt: now + INVITATION_TTL_MS, lastSentAt: now };
	const updated = await scope
		.update(invitations, next, eq(invitations.id, id), isNull(invitations.acceptedAt), isNull(invitations.revokedAt))
		.returning({ id: invitations.id });
	if (updated.length === 0) throw notOpen("closed");
	await sendLink(deps, row, token);
	await recordAudit(scope, {
		action: "invitation.resent",
		actor: actorOf(actor),
		target: { type: "invitation", id },
		detail: { email: row.email },
		...deps.origin,
	});
	return toView({ ...row, ...next }, customRoleName, now);
}

export async function revokeInvitation(deps: Omit<InvitationDeps, "jobs">, id: string, now = Date.now()): Promise<void> {
	await closeInvitation(deps, (await findInvitation(deps.scope, id)).row, now);
}

/** Revokes an open invitation: its link dies and tasks waiting for the invitee go back to nobody. */
export async function closeInvitation(deps: Omit<InvitationDeps, "jobs">, row: InvitationRow, now = Date.now()): Promise<void> {
	const { scope } = deps;
	const status = statusOf(row, now);
	if (status === "accepted" || status === "revoked") throw notOpen(status);
	const [revoked] = await scope.db.batch([
		scope
			.update(invitations, { revokedAt: now }, eq(invitations.id, row.id), isNull(invitations.acceptedAt))
			.returning({ id: invitations.id }),
		releaseWaitingTasks(scope, row.id, now),
	]);
	if (revoked.length === 0) throw notOpen("closed");
	await recordAudit(scope, {
		action: "invitation.revoked",
		actor: actorOf(deps.actor),
		target: { type: "invitation", id: row.id },
		detail: { email: row.email },
		...deps.origin,
	});
}
