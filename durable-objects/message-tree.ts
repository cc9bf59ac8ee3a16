/**
 * A conversation's messages as a tree in the ChatSession's SQLite storage. Each message has a
 * parent; editing an earlier message adds a sibling, so every branch is kept and browsable. The
 * active leaf is where a new message goes when the client names no parent.
 */
import type { ProviderId } from "../schema/ai-models";
import type { ChatMessage, MessageStatus, ProviderAttempt } from "../schema/assistant";

type Row = {
	id: string;
	parent_id: string | null;
	role: "user" | "assistant";
	content: string;
	status: MessageStatus;
	model_id: string | null;
	provider: ProviderId | null;
	provider_model: string | null;
	input_tokens: number | null;
	output_tokens: number | null;
	credits: number | null;
	attempts: string;
	error: string | null;
	reservation_id: string | null;
	created_at: number;
	seq: number;
};

export type NewMessage = {
	id: string;
	parentId: string | null;
	role: "user" | "assistant";
	content: string;
	status: MessageStatus;
	modelId: string | null;
	reservationId?: string | null;
	createdAt: number;
};

export type Completion = {
	content: string;
	status: MessageStatus;
	provider: ProviderId | null;
	providerModel: string | null;
	usage: { inputTokens: number; outputTokens: number; credits: number } | null;
	attempts: ProviderAttempt[];
	error: string | null;
};

const SCHEMA = [
	`CREATE TABLE IF NOT EXISTS messages (
		seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL UNIQUE, parent_id TEXT, role TEXT NOT NULL, content TEXT NOT NULL,
		status TEXT NOT NULL, model_id TEXT, provider TEXT, provider_model TEXT, input_tokens INTEGER, output_tokens INTEGER,
		credits INTEGER, attempts TEXT NOT NULL DEFAULT '[]', error TEXT, reservation_id TEXT, created_at INTEGER NOT NULL)`,
	"CREATE INDEX IF NOT EXISTS messages_parent ON messages (parent_id, seq)",
	"CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
];

export class MessageTree {
	constructor(private readonly sql: SqlStorage) {
		for (const statement of SCHEMA) sql.exec(statement);
	}

	get(id: string): (ChatMessage & { reservationId: string | null }) | null {
		const row = this.sql.exec<Row>("SELECT * FROM messages WHERE id = ?", id).toArray()[0];
		return row ? { ...this.view(row), reservationId: row.reservation_id } : null;
	}

	all(): ChatMessage[] {
		return this.sql
			.exec<Row>("SELECT * FROM messages ORDER BY seq")
			.toArray()
			.map((row) => this.view(row));
	}

	count(): number {
		return this.sql.exec<{ n: number }>("SELECT COUNT(*) AS n FROM messages").one().n;
	}

	/** From the root to `id`, inclusive. */
	pathTo(id: string): ChatMessage[] {
		const path: ChatMessage[] = [];
		let current = this.get(id);
		while (current) {
			path.unshift(current);
			current = current.parentId ? this.get(current.parentId) : null;
		}
		return path;
	}

	add(message: NewMessage): void {
		this.sql.exec(
			"INSERT INTO messages (id, parent_id, role, content, status, model_id, reservation_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
			message.id,
			message.parentId,
			message.role,
			message.content,
			message.status,
			message.modelId,
			message.reservationId ?? null,
			message.createdAt,
		);
	}

	setStatus(id: string, status: MessageStatus): void {
		this.sql.exec("UPDATE messages SET status = ? WHERE id = ?", status, id);
	}

	complete(id: string, done: Completion): void {
		this.sql.exec(
			"UPDATE messages SET content = ?, status = ?, provider = ?, provider_model = ?, input_tokens = ?, output_tokens = ?, credits = ?, attempts = ?, error = ? WHERE id = ?",
			done.content,
			done.status,
			done.provider,
			done.providerModel,
			done.usage?.inputTokens ?? null,
			done.usage?.outputTokens ?? null,
			done.usage?.credits ?? null,
			JSON.stringify(done.attempts),
			done.error,
			id,
		);
	}

	/** Replies left pending or streaming when the object last stopped (an eviction or a deploy). */
	unfinished(): { id: string; reservationId: string | null; content: string }[] {
		return this.sql
			.exec<Row>("SELECT * FROM messages WHERE status IN ('pending', 'streaming') ORDER BY seq")
			.toArray()
			.map((row) => ({ id: row.id, reservationId: row.reservation_id, content: row.content }));
	}

	getMeta(key: string): string | null {
		return this.sql.exec<{ value: string }>("SELECT value FROM meta WHERE key = ?", key).toArray()[0]?.value ?? null;
	}

	setMeta(key: string, value: string): void {
		this.sql.exec("INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value", key, value);
	}

	private view(row: Row): ChatMessage {
		const siblings = this.sql
			.exec<{ id: string }>(
				row.parent_id === null
					? "SELECT id FROM messages WHERE parent_id IS NULL ORDER BY seq"
					: "SELECT id FROM messages WHERE parent_id = ? ORDER BY seq",
				...(row.parent_id === null ? [] : [row.parent_id]),
			)
			.toArray()
			.map((r) => r.id);
		return {
			id: row.id,
			parentId: row.parent_id,
			role: row.role,
			content: row.content,
			status: row.status,
			modelId: row.model_id,
			provider: row.provider,
			providerModel: row.provider_model,
			usage:
				row.input_tokens === null || row.output_tokens === null
					? null
					: { inputTokens: row.input_tokens, outputTokens: row.output_tokens, credits: row.credits ?? 0 },
			attempts: JSON.parse(row.attempts) as ProviderAttempt[],
			error: row.error,
			siblingIds: siblings,
			createdAt: row.created_at,
		};
	}
}
