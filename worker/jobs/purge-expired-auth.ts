/** Job `purge-expired-auth`: deletes expired sessions and hand-off tokens. Running it twice is harmless. */
import { lt } from "drizzle-orm";
import { handoffTokens } from "../../schema/index";
import { deleteExpiredSessions } from "../services/sessions";
import type { JobDeps } from "./job-deps";

export async function runPurgeExpiredAuth(deps: JobDeps, now = Date.now()): Promise<void> {
	const sessions = await deleteExpiredSessions(deps.db, now);
	const tokens = await deps.db.delete(handoffTokens).where(lt(handoffTokens.expiresAt, now)).returning({ id: handoffTokens.id });
	deps.log.info("purge-expired-auth", { sessions, handoffTokens: tokens.length });
}
