/**
 * Job `invitation-email`: sends the link of a pending invitation, once per token. A job whose token
 * was replaced by a resend, or whose invitation was revoked or accepted meanwhile, sends nothing.
 */
import { and, eq } from "drizzle-orm";
import { invitations, roles, tenants } from "../../schema/index";
import type { JobOf } from "../../schema/jobs";
import { tenantScope } from "../lib/db";
import { invitationEmail } from "../lib/email/invitation";
import { tokenId } from "../lib/tokens";
import { sendOnce } from "../services/email/email-outbox";
import type { JobDeps } from "./job-deps";

const ROLE_NAMES = { owner: "an owner", admin: "an admin", staff: "a team member", client: "a client" } as const;

export async function runInvitationEmail(deps: JobDeps, job: JobOf<"invitation-email">): Promise<void> {
	const scope = tenantScope(deps.db, job.tenantId);
	const [row] = await deps.db
		.select({ invitation: invitations, agencyName: tenants.name, customRoleName: roles.name })
		.from(invitations)
		.innerJoin(tenants, eq(tenants.id, invitations.tenantId))
		.leftJoin(roles, and(eq(roles.id, invitations.customRoleId), eq(roles.tenantId, invitations.tenantId)))
		.where(scope.where(invitations, eq(invitations.id, job.invitationId)))
		.limit(1);
	const invitation = row?.invitation;
	if (!row || !invitation || invitation.tokenHash !== tokenId(job.token) || invitation.acceptedAt || invitation.revokedAt) {
		deps.log.info("invitation-email: no longer pending under this token", { tenantId: job.tenantId, invitationId: job.invitationId });
		return;
	}
	const identity = await deps.agencyEmail(job.tenantId);
	const rendered = invitationEmail({
		inviter: invitation.invitedByLabel.startsWith("api-key:") ? row.agencyName : invitation.invitedByLabel,
		agencyName: row.agencyName,
		roleName: row.customRoleName ? `${row.customRoleName}` : ROLE_NAMES[invitation.role],
		acceptUrl: `${await deps.tenantUrl(job.tenantId)}/invite?token=${job.token}`,
		brand: identity.brand,
	});
	const outcome = await sendOnce(scope, deps.email, {
		...rendered,
		idempotencyKey: job.idempotencyKey,
		template: "invitation",
		from: identity.from,
		to: invitation.email,
	});
	deps.log.info("invitation-email", { tenantId: job.tenantId, outcome });
}
