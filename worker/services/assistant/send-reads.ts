/**
 * What sending to the assistant reads from D1 before the ChatSession is called, in one batch (one
 * round trip instead of four): the conversation (owned by the sender, not deleted), the agency's
 * own provider keys, its plan and its assistant settings. Each part is the owning service's own
 * query and row rule, so the answers are the ones its single reads give.
 */
import type { AiProviderKeyRow, Conversation } from "../../../schema/index";
import type { PlanId } from "../../../schema/plans";
import type { TenantScope } from "../../lib/db";
import { readInOneBatch } from "../../lib/one-batch";
import { ownedConversationQuery, ownedOrNotFound, planOfRow, tenantPlanQuery } from "./conversations";
import { type AssistantSettings, settingsOfRow, settingsQuery } from "./moderation";
import { providerKeyRowsQuery } from "./provider-keys";

export type SendReads = { conversation: Conversation; keys: AiProviderKeyRow[]; planId: PlanId; settings: AssistantSettings };

/** Throws the conversation's 404 when the sender does not own it (as `findOwnedConversation`). */
export async function readForSend(scope: TenantScope, userId: string, conversationId: string): Promise<SendReads> {
	const rows = await readInOneBatch(scope.db, {
		conversation: [ownedConversationQuery(scope, userId, conversationId)],
		keys: [providerKeyRowsQuery(scope)],
		plan: [tenantPlanQuery(scope.db, scope.tenantId)],
		settings: [settingsQuery(scope)],
	});
	return {
		conversation: ownedOrNotFound(rows.conversation[0]),
		keys: rows.keys,
		planId: planOfRow(rows.plan[0]),
		settings: settingsOfRow(rows.settings[0]),
	};
}
