/** Messages: every thread the user may see (from the device first, so it works offline), newest activity first with unread counts, and starting a new one. */
import { useEffect, useState } from "preact/hooks";
import { useLocation } from "preact-iso";
import type { ClientT } from "../../../schema/dto/portal";
import { api } from "../api/client";
import { fetchJson } from "../api/fetch-json";
import { Form, SubmitButton } from "../components/form-kit/form";
import { FormAlert } from "../components/form-kit/form-alert";
import { SelectField } from "../components/form-kit/select-field";
import { Field } from "../components/form-kit/text-field";
import { useDocumentTitle } from "../components/use-document-title";
import { formatDateTime } from "../lib/date-format";
import { can, isStaff } from "../models/session";
import { openThread, refreshThreads, shownThreads, threadsProblem } from "../models/threads";

function NewThreadForm() {
	const { route } = useLocation();
	const [clients, setClients] = useState<ClientT[]>([]);
	const [clientId, setClientId] = useState("");
	const [subject, setSubject] = useState("");
	useEffect(() => {
		void fetchJson(() => api.api.v1.clients.$get({ query: { limit: "100" } })).then((result) => {
			if (!result.ok) return;
			setClients(result.value.clients);
			setClientId(result.value.clients[0]?.id ?? "");
		});
	}, []);
	return (
		<Form
			class="inline-form"
			aria-labelledby="new-thread-heading"
			send={() => openThread({ clientId, subject: subject.trim() })}
			check={() => ({
				subject: subject.trim() ? undefined : "is required",
				clientId: clientId || !isStaff.value ? undefined : "is required: choose one",
			})}
			onSuccess={(thread) => route(`/messages/${thread.id}`)}
		>
			{isStaff.value && (
				<SelectField
					id="thread-client"
					name="clientId"
					label="Client"
					value={clientId}
					options={clients.map((c) => ({ value: c.id, label: c.name }))}
					onChange={setClientId}
				/>
			)}
			<Field id="thread-subject" name="subject" label="Subject" maxLength={200} value={subject} onInput={setSubject} />
			<SubmitButton busyLabel="Starting…">Start conversation</SubmitButton>
		</Form>
	);
}

export default function Messages() {
	useDocumentTitle("Messages");
	useEffect(() => {
		void refreshThreads();
	}, []);
	const list = shownThreads.value;
	return (
		<>
			<h1>Messages</h1>
			<section class="card" aria-labelledby="threads-heading">
				<h2 id="threads-heading">Conversations</h2>
				<FormAlert message={threadsProblem.value?.detail ?? null} />
				{list === null ? (
					<div class="skeleton skeleton-card" />
				) : list.length === 0 ? (
					<p>No conversations yet.</p>
				) : (
					<ul class="record-list">
						{list.map((t) => (
							<li key={t.id} class="record">
								<div>
									<a href={`/messages/${t.id}`} class="record-title">
										{t.subject}
									</a>
									<p class="record-meta">
										{t.clientName}
										{t.projectName ? ` · ${t.projectName}` : ""} · {formatDateTime(t.lastMessageAt)}
									</p>
								</div>
								{t.unreadCount > 0 && <span class="badge">{t.unreadCount} unread</span>}
							</li>
						))}
					</ul>
				)}
			</section>
			{can("messages:write") && (
				<section class="card" aria-labelledby="new-thread-heading">
					<h2 id="new-thread-heading">New conversation</h2>
					<NewThreadForm />
				</section>
			)}
		</>
	);
}
