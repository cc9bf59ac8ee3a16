/**
 * Job `account-email`: one account email, sent once per idempotency key. Emails carrying a link
 * mint their single-use token here, and only when no message exists yet under the key, so a
 * redelivered job neither sends twice nor leaves a second live token.
 */
import { and, eq } from "drizzle-orm";
import { emailOutbox, tenants } from "../../schema/index";
import type { JobOf } from "../../schema/jobs";
import { tenantScope } from "../lib/db";
import { changeEmailEmail, newDeviceEmail, passwordResetEmail, unlockEmail, verifyEmailEmail } from "../lib/email/account-emails";
import type { RenderedEmail } from "../lib/email/render";
import { issueAccountToken } from "../services/auth/account-tokens";
import { sendOnce } from "../services/email/email-outbox";
import { findMemberById } from "../services/team/members";
import type { JobDeps } from "./job-deps";

export async function runAccountEmail(deps: JobDeps, job: JobOf<"account-email">): Promise<void> {
	const scope = tenantScope(deps.db, job.tenantId);
	const [account, [tenant], [existing]] = await Promise.all([
		findMemberById(scope, job.userId),
		deps.db.select({ name: tenants.name }).from(tenants).where(eq(tenants.id, job.tenantId)).limit(1),
		deps.db
			.select({ id: emailOutbox.id })
			.from(emailOutbox)
			.where(and(eq(emailOutbox.tenantId, job.tenantId), eq(emailOutbox.idempotencyKey, job.idempotencyKey)))
			.limit(1),
	]);
	if (!account || !tenant) {
		deps.log.warn("account-email: the account no longer exists", { tenantId: job.tenantId, userId: job.userId });
		return;
	}
	// Links start at the agency's canonical address, never at the host of the request that asked for the email.
	const baseUrl = await deps.tenantUrl(job.tenantId);
	const identity = await deps.agencyEmail(job.tenantId);
	const base = { name: account.name, agencyName: tenant.name, brand: identity.brand };
	const to = job.kind === "change_email" && job.newEmail ? job.newEmail : account.email;
	// An existing outbox row keeps its first rendering; sendOnce only (re)delivers it.
	const link = async (path: string, purpose: "verify_email" | "change_email" | "password_reset" | "unlock") =>
		existing ? "" : `${baseUrl}${path}?token=${await issueAccountToken(scope, { userId: account.id, purpose, email: to })}`;
	let rendered: RenderedEmail;
	switch (job.kind) {
		case "verify_email":
			rendered = verifyEmailEmail({ ...base, url: await link("/verify-email", "verify_email") });
			break;
		case "change_email":
			rendered = changeEmailEmail({ ...base, newEmail: to, url: await link("/verify-email", "change_email") });
			break;
		case "password_reset":
			rendered = passwordResetEmail({ ...base, url: await link("/reset-password", "password_reset") });
			break;
		case "unlock":
			rendered = unlockEmail({ ...base, url: await link("/unlock", "unlock") });
			break;
		case "new_device": {
			const signIn = job.signIn ?? { device: "an unknown device", place: null, ip: null, at: Date.now() };
			rendered = newDeviceEmail({ ...base, ...signIn, url: `${baseUrl}/account/security` });
			break;
		}
	}
	const outcome = await sendOnce(scope, deps.email, {
		...rendered,
		idempotencyKey: job.idempotencyKey,
		template: job.kind,
		from: identity.from,
		to,
	});
	deps.log.info("account-email", { tenantId: job.tenantId, kind: job.kind, outcome });
}
