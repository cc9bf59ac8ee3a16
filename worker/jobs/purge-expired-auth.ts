/**
 * Job `purge-expired-auth`: deletes expired sessions, hand-off and emailed account tokens, MFA and
 * WebAuthn challenges, and custom-domain claims that lapsed unverified. Running it twice is harmless.
 */
import { lt } from "drizzle-orm";
import { accountTokens, handoffTokens, mfaChallenges, webauthnChallenges } from "../../schema/index";
import { purgeLapsedClaims } from "../services/domains/domain-claims";
import { deleteExpiredSessions } from "../services/sessions/sessions";
import type { JobDeps } from "./job-deps";

export async function runPurgeExpiredAuth(deps: JobDeps, now = Date.now()): Promise<void> {
	const sessions = await deleteExpiredSessions(deps.db, now);
	const tokens = await deps.db.delete(handoffTokens).where(lt(handoffTokens.expiresAt, now)).returning({ id: handoffTokens.id });
	const emailed = await deps.db.delete(accountTokens).where(lt(accountTokens.expiresAt, now)).returning({ id: accountTokens.id });
	const challenges = await deps.db.delete(mfaChallenges).where(lt(mfaChallenges.expiresAt, now)).returning({ id: mfaChallenges.id });
	const webauthn = await deps.db
		.delete(webauthnChallenges)
		.where(lt(webauthnChallenges.expiresAt, now))
		.returning({ id: webauthnChallenges.id });
	const domainClaims = await purgeLapsedClaims(deps.db, now);
	deps.log.info("purge-expired-auth", {
		sessions,
		handoffTokens: tokens.length,
		accountTokens: emailed.length,
		mfaChallenges: challenges.length,
		webauthnChallenges: webauthn.length,
		domainClaims,
	});
}
