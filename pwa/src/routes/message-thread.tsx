/** One conversation, live and offline first (messages written offline show as pending): messages, who is online, who is typing, "Seen" under the user's latest message, and the composer. */
import { useEffect } from "preact/hooks";
import { useRoute } from "preact-iso";
import { MessageComposer } from "../components/message-composer";
import { useDocumentTitle } from "../components/use-document-title";
import { formatTime } from "../lib/date-format";
import { me } from "../models/session";
import { resolveConflict } from "../models/sync";
import { closeThreadView, online, openThreadView, seenLatest, shownMessages, thread, threadProblem, typing } from "../models/thread";
import type { ShownMessage } from "../models/thread-from-store";
import NotFound from "./not-found";

const conflictIdOf = (m: ShownMessage) => m.refused?.conflictId ?? "";

function Presence() {
	const others = online.value.filter((u) => u.userId !== me.value?.user.id);
	return (
		<p class="presence" aria-live="polite">
			{others.length === 0 ? (
				<>
					<span class="presence-dot" aria-hidden="true" /> Nobody else is here right now
				</>
			) : (
				others.map((u) => (
					<span key={u.userId} class="presence-person">
						<span class="presence-dot online" aria-hidden="true" /> {u.name} is online
					</span>
				))
			)}
		</p>
	);
}

export default function MessageThread() {
	const { params } = useRoute();
	const id = params.id ?? "";
	useDocumentTitle(thread.value?.subject ?? "Conversation");
	useEffect(() => {
		void openThreadView(id);
		return closeThreadView;
	}, [id]);

	if (threadProblem.value?.status === 404) return <NotFound />;
	if (threadProblem.value?.status === 403)
		return (
			<section role="alert">
				<h1>{threadProblem.value.title}</h1>
				<p>{threadProblem.value.detail}</p>
				<p>
					<a href="/messages">All conversations</a>
				</p>
			</section>
		);
	const t = thread.value;
	if (!t) return <div class="skeleton skeleton-card" />;
	const myId = me.value?.user.id;
	const list = shownMessages.value;

	return (
		<>
			<p>
				<a href="/messages">All conversations</a>
				{t.projectId && (
					<>
						{" · "}
						<a href={`/projects/${t.projectId}`}>{t.projectName}</a>
					</>
				)}
			</p>
			<h1>{t.subject}</h1>
			<p class="lead">{t.clientName}</p>
			<Presence />
			<section class="card" aria-labelledby="conversation-heading">
				<h2 id="conversation-heading" class="visually-hidden">
					Conversation
				</h2>
				{list.length === 0 ? (
					<p>No messages yet. Say hello.</p>
				) : (
					<div role="log" aria-live="polite" aria-label="Messages">
						<ol class="message-list">
							{list.map((m) => (
								<li key={m.id} class={m.authorUserId === myId ? "message mine" : "message"}>
									<p class="message-meta">
										<strong>{m.authorUserId === myId ? "You" : m.authorName}</strong>{" "}
										<time dateTime={new Date(m.createdAt).toISOString()}>{formatTime(m.createdAt)}</time>
										{m.editedAt && !m.deletedAt ? " · edited" : ""}
										{m.pending && <span class="pending-tag">Pending — not sent yet</span>}
										{m.refused && <span class="pending-tag">Not sent</span>}
									</p>
									<p class="message-body">{m.deletedAt ? <em>Message deleted</em> : m.body}</p>
									{m.refused && (
										<p class="message-refused">
											The server refused this message: {m.refused.detail}{" "}
											<button type="button" class="button secondary small" onClick={() => void resolveConflict(conflictIdOf(m), "theirs")}>
												Dismiss<span class="visually-hidden"> the message not sent</span>
											</button>
										</p>
									)}
									{m.attachment && (
										<p>
											<a href={`/api/v1/threads/${t.id}/attachments/${m.attachment.id}`} download={m.attachment.fileName}>
												{m.attachment.fileName}
											</a>{" "}
											({Math.ceil(m.attachment.size / 1024)} KB)
										</p>
									)}
								</li>
							))}
						</ol>
					</div>
				)}
				{seenLatest.value && <p class="message-seen">Seen</p>}
				<p class="typing" role="status">
					{typing.value ? `${typing.value.name} is typing…` : ""}
				</p>
				<MessageComposer />
			</section>
		</>
	);
}
