/** The Messages section of a client or project page: its conversations, and starting one. */
import { useEffect, useState } from "preact/hooks";
import { useLocation } from "preact-iso";
import type { ThreadDtoT } from "../../../schema/dto/messaging";
import { can } from "../models/session";
import { loadThreads, openThread } from "../models/threads";
import { FormAlert } from "./form-alert";

export function ThreadSection({ clientId, projectId, subject }: { clientId: string; projectId?: string; subject: string }) {
	const { route } = useLocation();
	const [list, setList] = useState<ThreadDtoT[] | null>(null);
	const [alert, setAlert] = useState<string | null>(null);
	useEffect(() => {
		void loadThreads(projectId ? { projectId } : { clientId }).then(setList);
	}, [clientId, projectId]);
	if (!can("messages:read")) return null;
	const start = async () => {
		const result = await openThread({ clientId, subject, ...(projectId ? { projectId } : {}) });
		if (!result.ok) return setAlert(result.problem.detail);
		route(`/messages/${result.value.id}`);
	};
	return (
		<section class="card" aria-labelledby="thread-section-heading">
			<h2 id="thread-section-heading">Messages</h2>
			<FormAlert message={alert} />
			{list === null ? (
				<div class="skeleton skeleton-line" />
			) : list.length === 0 ? (
				<p>No conversations yet.</p>
			) : (
				<ul class="record-list">
					{list.map((t) => (
						<li key={t.id} class="record">
							<a href={`/messages/${t.id}`} class="record-title">
								{t.subject}
							</a>
							{t.unreadCount > 0 && <span class="badge">{t.unreadCount} unread</span>}
						</li>
					))}
				</ul>
			)}
			{can("messages:write") && (
				<button type="button" class="button" onClick={start}>
					Start a conversation
				</button>
			)}
		</section>
	);
}
