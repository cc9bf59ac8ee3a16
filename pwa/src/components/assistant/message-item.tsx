/** One message: its text (growing while it streams), who answered, a "< 1/2 >" branch switcher, Edit for the user's own messages and Regenerate for replies. */
import { useState } from "preact/hooks";
import type { ChatMessage } from "../../../../schema/assistant";
import { editMessage, generating, regenerate, showBranch } from "../../models/assistant";

const STATUS_LABELS: Partial<Record<ChatMessage["status"], string>> = {
	pending: "Waiting…",
	stopped: "Stopped",
	failed: "Failed",
};

function BranchSwitcher({ message }: { message: ChatMessage }) {
	const index = message.siblingIds.indexOf(message.id);
	const count = message.siblingIds.length;
	if (count < 2) return null;
	const go = (to: number) => {
		const id = message.siblingIds[to];
		if (id) showBranch(id);
	};
	return (
		<span class="branch-switcher">
			<button type="button" aria-label="Previous version" disabled={index === 0} onClick={() => go(index - 1)}>
				&lt;
			</button>
			<span>
				{index + 1}/{count}
			</span>
			<button type="button" aria-label="Next version" disabled={index === count - 1} onClick={() => go(index + 1)}>
				&gt;
			</button>
		</span>
	);
}

export function MessageItem({ message }: { message: ChatMessage }) {
	const [editing, setEditing] = useState(false);
	const [draft, setDraft] = useState(message.content);
	const mine = message.role === "user";
	const who = mine ? "You" : "Assistant";
	const status = STATUS_LABELS[message.status];
	return (
		<li class={`chat-message ${mine ? "from-user" : "from-assistant"}`} aria-busy={message.status === "streaming" ? "true" : undefined}>
			<p class="chat-meta">
				<strong>{who}</strong>
				{message.providerModel && <span> · {message.providerModel}</span>}
				{status && <span> · {status}</span>}
				<BranchSwitcher message={message} />
			</p>
			{editing ? (
				<form
					onSubmit={async (event) => {
						event.preventDefault();
						if (draft.trim() && (await editMessage(message.id, draft.trim()))) setEditing(false);
					}}
				>
					<label for={`edit-${message.id}`}>Edit your message</label>
					<textarea id={`edit-${message.id}`} value={draft} onInput={(e) => setDraft(e.currentTarget.value)} rows={3} />
					<button type="submit" class="button">
						Save and regenerate
					</button>
					<button type="button" class="button secondary" onClick={() => setEditing(false)}>
						Cancel
					</button>
				</form>
			) : (
				<p class="chat-text">{message.content || (message.status === "done" ? "" : "…")}</p>
			)}
			{message.error && <p class="field-error">{message.error}</p>}
			{mine && !editing && (
				<button
					type="button"
					class="link-button"
					onClick={() => {
						setDraft(message.content);
						setEditing(true);
					}}
				>
					Edit
				</button>
			)}
			{!mine && (message.status === "done" || message.status === "stopped" || message.status === "failed") && (
				<button type="button" class="link-button" disabled={generating.value} onClick={() => void regenerate(message.id)}>
					Regenerate
				</button>
			)}
		</li>
	);
}
