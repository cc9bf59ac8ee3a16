/** One message: its text (growing while it streams), who answered, a "< 1/2 >" branch switcher, Edit for the user's own messages and Regenerate for replies. */
import { useState } from "preact/hooks";
import type { ChatMessage } from "../../../../schema/assistant";
import { editMessage, generating, regenerate, showBranch } from "../../models/assistant";
import { TextAreaField } from "../form-kit/textarea-field";
import { Button } from "../kit/button";
import { IconChevronLeft, IconChevronRight } from "../kit/icons";

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
			<Button
				variant="ghost"
				size="small"
				icon={IconChevronLeft}
				label="Previous version"
				disabled={index === 0}
				onClick={() => go(index - 1)}
			/>
			<span>
				{index + 1}/{count}
			</span>
			<Button
				variant="ghost"
				size="small"
				icon={IconChevronRight}
				label="Next version"
				disabled={index === count - 1}
				onClick={() => go(index + 1)}
			/>
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
					<TextAreaField id={`edit-${message.id}`} name="content" label="Edit your message" rows={3} value={draft} onInput={setDraft} />
					<Button variant="primary" block={false} type="submit">
						Save and regenerate
					</Button>
					<Button onClick={() => setEditing(false)}>Cancel</Button>
				</form>
			) : (
				<p class="chat-text">{message.content || (message.status === "done" ? "" : "…")}</p>
			)}
			{message.error && <p class="field-error">{message.error}</p>}
			{mine && !editing && (
				<Button
					variant="link"
					onClick={() => {
						setDraft(message.content);
						setEditing(true);
					}}
				>
					Edit
				</Button>
			)}
			{!mine && (message.status === "done" || message.status === "stopped" || message.status === "failed") && (
				<Button variant="link" disabled={generating.value} onClick={() => void regenerate(message.id)}>
					Regenerate
				</Button>
			)}
		</li>
	);
}
