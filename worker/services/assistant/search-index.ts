/**
 * The full-text index of assistant messages: an FTS5 table in D1 (`assistant_search`, created by
 * migrations/0018_assistant_search.sql, outside drizzle's schema because drizzle has no virtual
 * tables). The ChatSession writes a row when it stores a message's final text; deleting a
 * conversation deletes its rows. It is an index, not a log: it holds exactly what the conversation
 * itself holds, is read only through the owner's conversation list, and dies with the conversation.
 * Every statement names the tenant.
 */

import type { SQL } from "drizzle-orm";
import { sql } from "drizzle-orm";
import { conversations } from "../../../schema/index";
import type { TenantScope } from "../../lib/db";

export type IndexedMessage = { tenantId: string; conversationId: string; messageId: string; content: string };

/** Adds (or replaces) the text of messages; empty texts are skipped. */
export async function indexMessages(d1: D1Database, messages: readonly IndexedMessage[]): Promise<void> {
	const rows = messages.filter((m) => m.content.trim() !== "");
	if (rows.length === 0) return;
	await d1.batch(
		rows.flatMap((m) => [
			d1.prepare("DELETE FROM assistant_search WHERE message_id = ? AND tenant_id = ?").bind(m.messageId, m.tenantId),
			d1
				.prepare("INSERT INTO assistant_search (content, tenant_id, conversation_id, message_id) VALUES (?, ?, ?, ?)")
				.bind(m.content, m.tenantId, m.conversationId, m.messageId),
		]),
	);
}

/** Removes every indexed message of a conversation. */
export async function removeConversationFromIndex(scope: TenantScope, conversationId: string): Promise<void> {
	await scope.db.run(sql`DELETE FROM assistant_search WHERE conversation_id = ${conversationId} AND tenant_id = ${scope.tenantId}`);
}

/**
 * An FTS5 query for what a person typed: every word must appear, as a word or a word's start.
 * Words are quoted, so FTS operators and punctuation in the input are never interpreted. Null when
 * nothing searchable remains.
 */
export function ftsQuery(input: string): string | null {
	const words = input
		.split(/[^\p{L}\p{N}]+/u)
		.filter((word) => word !== "")
		.slice(0, 12);
	return words.length === 0 ? null : words.map((word) => `"${word}"*`).join(" ");
}

/** A condition on `conversations`: the conversation has a message matching `query` (in the scope's tenant). */
export function hasMatchingMessage(scope: TenantScope, query: string): SQL {
	return sql`${conversations.id} IN (SELECT conversation_id FROM assistant_search WHERE assistant_search MATCH ${query} AND tenant_id = ${scope.tenantId})`;
}
