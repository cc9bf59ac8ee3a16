/**
 * The Messages section of a client or project page: its conversations (on a project page, those
 * about the project, whoever started them), and starting one under a subject the person gives.
 */
import { useSignal } from "@preact/signals";
import { useEffect, useState } from "preact/hooks";
import { useLocation } from "preact-iso";
import type { ThreadDtoT } from "../../../schema/dto/messaging";
import { can } from "../models/session";
import { loadThreads, openThread } from "../models/threads";
import { Form, SubmitButton } from "./form-kit/form";
import { Field } from "./form-kit/text-field";

function StartConversation({
	clientId,
	projectId,
	placeholder,
}: {
	clientId: string;
	projectId?: string | undefined;
	placeholder: string;
}) {
	const { route } = useLocation();
	const subject = useSignal("");
	return (
		<Form
			class="inline-form"
			aria-label="Start a conversation"
			check={() => ({ subject: subject.value.trim() ? undefined : "is required" })}
			send={() => openThread({ clientId, subject: subject.value.trim(), ...(projectId ? { projectId } : {}) })}
			onSuccess={(thread) => route(`/messages/${thread.id}`)}
		>
			<Field
				id={`thread-subject-${projectId ?? clientId}`}
				name="subject"
				label="Subject"
				maxLength={200}
				placeholder={placeholder}
				value={subject.value}
				onInput={(v) => (subject.value = v)}
			/>
			<SubmitButton busyLabel="Starting…" variant="secondary">
				Start a conversation
			</SubmitButton>
		</Form>
	);
}

export function ThreadSection({ clientId, projectId, placeholder }: { clientId: string; projectId?: string; placeholder: string }) {
	const [list, setList] = useState<ThreadDtoT[] | null>(null);
	useEffect(() => {
		void loadThreads(projectId ? { projectId } : { clientId }).then(setList);
	}, [clientId, projectId]);
	if (!can("messages:read")) return null;
	return (
		<section class="card" aria-labelledby="thread-section-heading">
			<h2 id="thread-section-heading">Messages</h2>
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
			{can("messages:write") && <StartConversation clientId={clientId} projectId={projectId} placeholder={placeholder} />}
		</section>
	);
}
