/** The assistant page (staff and clients): conversations on the side, the open one's branch with live replies, and the composer. */
import { useEffect } from "preact/hooks";
import { Composer } from "../components/assistant/composer";
import { ConversationList } from "../components/assistant/conversation-list";
import { MessageItem } from "../components/assistant/message-item";
import { confirm } from "../components/kit/confirm";
import { useDocumentTitle } from "../components/use-document-title";
import {
	askingAbout,
	askingAboutFrom,
	closeStream,
	loadAssistant,
	openConversation,
	openId,
	problem,
	remove,
	rename,
	visiblePath,
} from "../models/assistant";

function ProblemNotice() {
	const p = problem.value;
	if (!p) return <div role="alert" class="form-alert" />;
	return (
		<div role="alert" class="form-alert">
			{p.detail}
			{p.status === 402 && p.topUpUrl && (
				<>
					{" "}
					<a href={p.topUpUrl}>Top up or upgrade</a>
				</>
			)}
			{p.status === 429 && p.retryAfterSeconds !== null && <> Try again in {p.retryAfterSeconds} seconds.</>}
		</div>
	);
}

function ConversationHeader() {
	const conversation = openConversation.value;
	if (!conversation) return <h2>New conversation</h2>;
	const base = `/api/v1/assistant/conversations/${conversation.id}/export`;
	return (
		<div class="chat-header">
			<h2>{conversation.title}</h2>
			<div class="chat-tools">
				<button
					type="button"
					class="link-button"
					onClick={() => {
						const title = window.prompt("New title", conversation.title);
						if (title?.trim()) void rename(title.trim());
					}}
				>
					Rename
				</button>
				<button
					type="button"
					class="link-button"
					onClick={async () => {
						if (
							await confirm({
								title: "Delete this conversation?",
								message: "Its messages are deleted for good.",
								confirmLabel: "Delete",
								danger: true,
							})
						)
							void remove();
					}}
				>
					Delete
				</button>
				<a href={`${base}?format=markdown`} download>
					Export Markdown
				</a>
				<a href={`${base}?format=json`} download>
					Export JSON
				</a>
			</div>
		</div>
	);
}

export default function Assistant() {
	useDocumentTitle("Assistant");
	useEffect(() => {
		askingAbout.value = askingAboutFrom(window.location.search);
		void loadAssistant();
		return closeStream;
	}, []);
	return (
		<>
			<h1>Assistant</h1>
			<ProblemNotice />
			<p class="chat-links">
				<a href="/assistant/templates">Prompt templates</a>
			</p>
			<div class="chat-layout">
				<ConversationList />
				<section class="card chat-main" aria-label="Conversation">
					<ConversationHeader />
					{openId.value && visiblePath.value.length === 0 ? (
						<p class="field-hint">Ask anything to start.</p>
					) : (
						<ol class="chat-messages" aria-live="polite">
							{visiblePath.value.map((m) => (
								<MessageItem key={m.id} message={m} />
							))}
						</ol>
					)}
					<Composer />
				</section>
			</div>
		</>
	);
}
