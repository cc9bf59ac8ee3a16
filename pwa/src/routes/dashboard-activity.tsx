/** Dashboard activity sections: threads with unread messages (agency), a client's recent documents and messages. */
import type { ClientDashboardT, StaffDashboardT } from "../../../schema/dto/portal";
import { formatDate } from "../lib/date-format";

type Unread = NonNullable<StaffDashboardT["unreadMessages"]>;
type Documents = NonNullable<ClientDashboardT["recentDocuments"]>;
type Messages = NonNullable<ClientDashboardT["recentMessages"]>;

export function UnreadMessages({ unread }: { unread: Unread }) {
	return (
		<section class="card" aria-labelledby="unread-heading">
			<h2 id="unread-heading">Unread messages</h2>
			{unread.threads.length === 0 ? (
				<p>You are all caught up.</p>
			) : (
				<ul class="record-list">
					{unread.threads.map((t) => (
						<li key={t.id} class="record record-stacked">
							<a href={`/messages/${t.id}`} class="record-title">
								{t.subject}
							</a>
							<span class="record-meta">
								{t.clientName}
								{t.projectName ? ` · ${t.projectName}` : ""} · {t.unreadCount} unread
							</span>
						</li>
					))}
				</ul>
			)}
		</section>
	);
}

export function RecentDocuments({ documents }: { documents: Documents }) {
	return (
		<section class="card" aria-labelledby="recent-documents-heading">
			<h2 id="recent-documents-heading">Recent documents</h2>
			{documents.length === 0 ? (
				<p>No documents yet.</p>
			) : (
				<ul class="record-list">
					{documents.map((d) => (
						<li key={d.id} class="record record-stacked">
							<a href={`/api/v1/documents/${d.id}/content`} class="record-title" download>
								{d.name}
							</a>
							<span class="record-meta">Updated {formatDate(d.updatedAt)}</span>
						</li>
					))}
				</ul>
			)}
			<a href="/downloads">All deliverables</a>
		</section>
	);
}

export function RecentMessages({ messages }: { messages: Messages }) {
	return (
		<section class="card" aria-labelledby="recent-messages-heading">
			<h2 id="recent-messages-heading">Recent messages</h2>
			{messages.length === 0 ? (
				<p>No messages yet.</p>
			) : (
				<ul class="record-list">
					{messages.map((m) => (
						<li key={m.id} class="record record-stacked">
							<a href={`/messages/${m.threadId}`} class="record-title">
								{m.threadSubject}
							</a>
							<span class="record-meta">
								{m.authorName ?? "Someone"}: {m.excerpt}
							</span>
						</li>
					))}
				</ul>
			)}
		</section>
	);
}
