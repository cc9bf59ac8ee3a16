/**
 * Accepting an invitation with its link's token, on the host of the agency that sent it. A new
 * person gives a name and password and is signed in; someone who already has an account here must
 * be signed in as that email (or give its password), and their membership takes the invited role.
 * The token is claimed in one conditional write, so it works exactly once. An invitation naming a
 * client links the person to it, and tasks waiting for the invitee become theirs, in the same batch
 * as the account or role change: a retried acceptance finds the token used and links nothing twice.
 */
import { and, eq, gt, isNull } from "drizzle-orm";
import type { AcceptInvitationBody, InvitationPreview } from "../../../schema/dto/invitations";
import { clients, invitations, memberships, roles, tenants, users } from "../../../schema/index";
import { RATE_RULES } from "../../../schema/rate-limits";
import type { AuthContext, SessionAuth } from "../../env";
import type { TenantScope } from "../../lib/db";
import { isUniqueViolation } from "../../lib/db-errors";
import { forgetCachedMember } from "../../lib/identity-cache";
import { newId } from "../../lib/ids";
import { hashPassword, verifyPassword } from "../../lib/passwords";
import { Problem, problems } from "../../lib/problem";
import { tokenId } from "../../lib/tokens";
import { recordAudit, userActor } from "../audit/audit-log";
import { INVALID_CREDENTIALS } from "../auth/sign-in";
import { assertSeatFor } from "../billing/entitlements";
import { linkOnAcceptance } from "../portal/client-people";
import { handOverWaitingTasks } from "../portal/task-invitees";
import { type GateNamespace, retryAfterSeconds, takeTokens } from "../security/rate-limits";
import { type LiveChannels, recheckLiveUsers } from "../sessions/live-access";
import { createSession, type NewSession, type RequestOrigin } from "../sessions/sessions";
import { statusOf } from "./invitations";
import { findMemberByEmail, findMemberById, sessionAuthOf } from "./members";

type InvitationRow = typeof invitations.$inferSelect;

const unusable = (status: string) =>
	new Problem(410, "invitation-unusable", "This invitation cannot be used", `This invitation link has ${status}. Ask for a new one.`, {
		errors: [{ path: "token", message: `has ${status}` }],
	});

/** The invitation a token opens on this tenant, if it is still pending (404 unknown, 410 used, revoked or expired). */
async function openInvitation(
	scope: TenantScope,
	token: string,
	now: number,
): Promise<{ row: InvitationRow; customRoleName: string | null }> {
	const [found] = await scope.db
		.select({ row: invitations, customRoleName: roles.name })
		.from(invitations)
		.leftJoin(roles, and(eq(roles.id, invitations.customRoleId), eq(roles.tenantId, invitations.tenantId)))
		.where(scope.where(invitations, eq(invitations.tokenHash, tokenId(token))))
		.limit(1);
	if (!found) {
		throw new Problem(404, "invitation-not-found", "Unknown invitation", "This invitation link is not valid here. Ask for a new one.", {
			errors: [{ path: "token", message: "is not a valid invitation link" }],
		});
	}
	const status = statusOf(found.row, now);
	if (status === "accepted") throw unusable("already been used");
	if (status === "revoked") throw unusable("been revoked");
	if (status === "expired") throw unusable("expired");
	return found;
}

export async function previewInvitation(scope: TenantScope, token: string, now = Date.now()): Promise<InvitationPreview> {
	const { row, customRoleName } = await openInvitation(scope, token, now);
	const [tenant] = await scope.db.select({ name: tenants.name }).from(tenants).where(eq(tenants.id, scope.tenantId)).limit(1);
	const account = await findMemberByEmail(scope, row.emailNormalized);
	const [client] = row.clientId
		? await scope.db
				.select({ name: clients.name })
				.from(clients)
				.where(scope.where(clients, eq(clients.id, row.clientId), isNull(clients.deletedAt)))
				.limit(1)
		: [];
	return {
		agency: { name: tenant?.name ?? "" },
		email: row.email,
		role: row.role,
		customRoleName,
		name: row.name,
		client: client ? { name: client.name } : null,
		accountExists: account !== null,
		expiresAt: row.expiresAt,
	};
}

export type AcceptDeps = { scope: TenantScope; gates: GateNamespace; auth: AuthContext | null; live: LiveChannels };

/** What accepting `row` writes besides the account and role: the client link it names, the tasks waiting for it. */
function joinWrites(scope: TenantScope, row: InvitationRow, userId: string, now: number) {
	const handOver = handOverWaitingTasks(scope, row.id, userId, now);
	return row.clientId && row.role === "client"
		? ([linkOnAcceptance(scope, row.clientId, userId, row.title, now), handOver] as const)
		: ([handOver] as const);
}
export type AcceptResult = { auth: SessionAuth; session: NewSession | null };

/** Claims the token: one conditional write, so two acceptances of one link cannot both succeed. */
async function claim(scope: TenantScope, row: InvitationRow, userId: string, now: number): Promise<boolean> {
	const claimed = await scope
		.update(
			invitations,
			{ acceptedAt: now, acceptedUserId: userId },
			eq(invitations.id, row.id),
			eq(invitations.tokenHash, row.tokenHash),
			isNull(invitations.acceptedAt),
			isNull(invitations.revokedAt),
			gt(invitations.expiresAt, now),
		)
		.returning({ id: invitations.id });
	return claimed.length === 1;
}

export async function acceptInvitation(
	deps: AcceptDeps,
	input: AcceptInvitationBody & RequestOrigin,
	now = Date.now(),
): Promise<AcceptResult> {
	const { scope } = deps;
	const origin = { ip: input.ip, userAgent: input.userAgent };
	const limit = await takeTokens(deps.gates, scope.tenantId, [
		{ key: `sign-in:ip:${input.ip ?? "unknown"}`, rule: RATE_RULES.signInPerIp },
	]);
	if (!limit.allowed) throw problems.rateLimited(retryAfterSeconds(limit));
	const { row } = await openInvitation(scope, input.token, now);
	const existing = await findMemberByEmail(scope, row.emailNormalized);
	await assertSeatFor(scope, existing?.role ?? null, row.role, now);
	const result = existing ? await acceptAsMember(deps, row, existing.id, input, now) : await acceptAsNewcomer(deps, row, input, now);
	await recordAudit(scope, {
		action: "invitation.accepted",
		actor: userActor(result.auth.user),
		target: { type: "invitation", id: row.id },
		detail: { email: row.email, role: row.role, customRoleId: row.customRoleId, clientId: row.clientId, newAccount: existing === null },
		...origin,
	});
	return result;
}

async function acceptAsMember(
	deps: AcceptDeps,
	row: InvitationRow,
	userId: string,
	input: AcceptInvitationBody & RequestOrigin,
	now: number,
): Promise<AcceptResult> {
	const { scope, auth } = deps;
	const account = await findMemberById(scope, userId);
	if (!account) throw problems.unauthenticated();
	const signedInAsThem = auth?.via === "session" && auth.user.id === userId;
	if (!signedInAsThem) {
		if (auth?.via === "session") {
			throw problems.forbidden(`This invitation is for ${row.email}; you are signed in as ${auth.user.email}. Sign out first.`);
		}
		if (input.password === undefined) {
			throw new Problem(401, "sign-in-required", "Sign in to accept", `${row.email} already has an account here: sign in to accept.`, {
				errors: [{ path: "password", message: "is required: this email already has an account" }],
			});
		}
		if (!account.passwordHash || !(await verifyPassword(account.passwordHash, input.password))) {
			throw new Problem(401, "invalid-credentials", "Sign-in failed", INVALID_CREDENTIALS, {
				errors: [{ path: "password", message: "is not right" }],
			});
		}
	}
	const demotesOwner = account.role === "owner" && row.role !== "owner";
	if (demotesOwner) {
		const owners = await scope.db
			.select({ userId: memberships.userId })
			.from(memberships)
			.where(scope.where(memberships, eq(memberships.role, "owner")));
		if (owners.length <= 1)
			throw new Problem(409, "last-owner", "The agency needs an owner", "The last owner cannot accept a lesser role.");
	}
	if (!(await claim(scope, row, userId, now))) throw unusable("already been used");
	await scope.db.batch([
		scope.update(memberships, { role: row.role, customRoleId: row.customRoleId }, eq(memberships.userId, userId)),
		...joinWrites(scope, row, userId, now),
	]);
	forgetCachedMember(scope.tenantId, userId);
	// Their open sockets follow the new role and client at once.
	await recheckLiveUsers(deps.live, scope.tenantId, [userId]);
	const updated = await findMemberById(scope, userId);
	if (!updated) throw problems.unauthenticated();
	if (signedInAsThem && auth?.via === "session") return { auth: sessionAuthOf(updated, auth.sessionId, scope.tenantId), session: null };
	const session = await createSession(scope, { userId, ip: input.ip, userAgent: input.userAgent }, now);
	return { auth: sessionAuthOf(updated, session.id, scope.tenantId), session };
}

async function acceptAsNewcomer(
	deps: AcceptDeps,
	row: InvitationRow,
	input: AcceptInvitationBody & RequestOrigin,
	now: number,
): Promise<AcceptResult> {
	const { scope } = deps;
	const missing = [
		input.name === undefined ? { path: "name", message: "is required" } : null,
		input.password === undefined ? { path: "password", message: "is required" } : null,
	].filter((e): e is { path: string; message: string } => e !== null);
	if (missing.length > 0) throw problems.validation(missing);
	const name = input.name ?? "";
	const passwordHash = await hashPassword(input.password ?? "");
	// A former member (removed earlier) keeps their user row; the invitation proves the email, so it is theirs again.
	const [former] = await scope.db
		.select({ id: users.id })
		.from(users)
		.where(scope.where(users, eq(users.emailNormalized, row.emailNormalized)))
		.limit(1);
	const userId = former?.id ?? newId(now);
	if (!(await claim(scope, row, userId, now))) throw unusable("already been used");
	try {
		const userWrite = former
			? scope.update(users, { name, passwordHash, emailVerifiedAt: now, updatedAt: now }, eq(users.id, userId))
			: scope.insert(users, {
					id: userId,
					email: row.email,
					emailNormalized: row.emailNormalized,
					name,
					passwordHash,
					emailVerifiedAt: now,
					createdAt: now,
					updatedAt: now,
				});
		await scope.db.batch([
			userWrite,
			scope.insert(memberships, { userId, role: row.role, customRoleId: row.customRoleId, createdAt: now }),
			...joinWrites(scope, row, userId, now),
		]);
	} catch (error) {
		// Someone joined with this email at the same moment: give the link back.
		await scope.update(invitations, { acceptedAt: null, acceptedUserId: null }, eq(invitations.id, row.id));
		if (isUniqueViolation(error)) throw problems.conflict("token", "was used for an account created at the same moment; try again");
		throw error;
	}
	const account = await findMemberById(scope, userId);
	if (!account) throw problems.internal();
	const session = await createSession(scope, { userId, ip: input.ip, userAgent: input.userAgent }, now);
	return { auth: sessionAuthOf(account, session.id, scope.tenantId), session };
}
