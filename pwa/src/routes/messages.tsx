/** Messages: every thread the user may see (from the device first, so it works offline), newest activity first with unread counts, and starting a new one. */
import { useEffect, useState } from "preact/hooks";
import { useLocation } from "preact-iso";
import type { ClientT } from "../../../schema/dto/portal";
import { api } from "../api/client";
import { fetchJson } from "../api/fetch-json";
import { FormAlert } from "../components/form-kit/form-alert";
import { useDocumentTitle } from "../components/use-document-title";
import { formatDateTime } from "../lib/date-format";
import { can, isStaff } from "../models/session";
import { openThread, refreshThreads, shownThreads, threadsProblem } from "../models/threads";

function NewThreadForm() {
	const { route } = useLocation();
	const [clients, setClients] = useState<ClientT[]>([]);
	const [clientId, setClientId] = useState("");
	const [subject, setSubject] = useState("");
	const [alert, setAlert] = useState<string | null>(null);
	useEffect(() => {
		void fetchJson(() => api.api.v1.clients.$get({ query: { limit: "100" } })).then((result) => {
			if (!result.ok) return;
			setClients(result.value.clients);
			setClientId(result.value.clients[0]?.id ?? "");
		});
	}, []);
	const submit = async (event: Event) => {
		event.preventDefault();
		if (!subject.trim()) return setAlert("Give the conversation a subject.");
		if (!clientId) return setAlert("Choose a client.");
		const result = await openThread({ clientId, subject: subject.trim() });
		if (!result.ok) return setAlert(result.problem.detail);
		route(`/messages/${result.value.id}`);
	};
	return (
		<form class="inline-form" onSubmit={submit} noValidate>
			<FormAlert message={alert} />
			{isStaff.value && (
				<div class="field">
					<label for="thread-client">Client</label>
					<select id="thread-client" value={clientId} onChange={(e) => setClientId(e.currentTarget.value)}>
						{clients.map((c) => (
							<option key={c.id} value={c.id}>
								{c.name}
							</option>
						))}
					</select>
				</div>
			)}
			<div class="field">
				<label for="thread-subject">Subject</label>
				<input id="thread-subject" value={subject} maxLength={200} onInput={(e) => setSubject(e.currentTarget.value)} />
			</div>
			<button type="submit" class="button primary">
				Start conversation
			</button>
		</form>
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
