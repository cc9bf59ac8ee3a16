/**
 * Which assistant conversations have a reply stream (SSE) open for which session, kept by the
 * tenant's MessagingHub in its SQLite storage so that ending a session or removing a person reaches
 * exactly the ChatSession objects that are streaming to them, in one call to the hub. A row is added
 * when a stream opens and dropped when the ChatSession sees it end or when it is closed; a row left
 * behind (an object evicted mid-stream) costs one needless call at the next revocation and is pruned
 * after the longest a session can live.
 */
import { SESSION_ABSOLUTE_TTL_MS } from "../worker/services/sessions/sessions";

export type TrackedStream = { sessionId: string; userId: string; conversationId: string };

type Row = { session_id: string; user_id: string; conversation_id: string };

const SCHEMA = [
	`CREATE TABLE IF NOT EXISTS live_streams (
		session_id TEXT NOT NULL, conversation_id TEXT NOT NULL, user_id TEXT NOT NULL, opened_at INTEGER NOT NULL,
		PRIMARY KEY (session_id, conversation_id))`,
	"CREATE INDEX IF NOT EXISTS live_streams_user ON live_streams (user_id)",
];

export class LiveStreams {
	constructor(private readonly sql: SqlStorage) {
		for (const statement of SCHEMA) sql.exec(statement);
	}

	track(stream: TrackedStream, now: number): void {
		this.sql.exec(
			"INSERT INTO live_streams (session_id, conversation_id, user_id, opened_at) VALUES (?, ?, ?, ?) ON CONFLICT DO UPDATE SET opened_at = excluded.opened_at",
			stream.sessionId,
			stream.conversationId,
			stream.userId,
			now,
		);
		this.sql.exec("DELETE FROM live_streams WHERE opened_at < ?", now - SESSION_ABSOLUTE_TTL_MS);
	}

	untrack(sessionId: string, conversationId: string): void {
		this.sql.exec("DELETE FROM live_streams WHERE session_id = ? AND conversation_id = ?", sessionId, conversationId);
	}

	/** Removes and returns the streams of these sessions. */
	takeSessions(sessionIds: readonly string[]): TrackedStream[] {
		return sessionIds.flatMap((id) => this.take("session_id = ?", id));
	}

	/** Removes and returns the streams of a person, but those of `exceptSessionId`. */
	takeUser(userId: string, exceptSessionId: string | null): TrackedStream[] {
		return this.take("user_id = ? AND session_id <> ?", userId, exceptSessionId ?? "");
	}

	/** The streams of a person (kept: a re-check may leave them open). */
	ofUser(userId: string): TrackedStream[] {
		return this.sql.exec<Row>("SELECT * FROM live_streams WHERE user_id = ?", userId).toArray().map(toStream);
	}

	private take(where: string, ...bindings: string[]): TrackedStream[] {
		return this.sql
			.exec<Row>(`DELETE FROM live_streams WHERE ${where} RETURNING *`, ...bindings)
			.toArray()
			.map(toStream);
	}
}

function toStream(row: Row): TrackedStream {
	return { sessionId: row.session_id, userId: row.user_id, conversationId: row.conversation_id };
}
