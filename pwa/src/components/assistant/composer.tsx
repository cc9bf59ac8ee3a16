/** Writing a message: the model (only those the plan allows; the local one labelled), a template picker, a document to attach, Send and Stop. */
import { useState } from "preact/hooks";
import { askingAbout, generating, models, selectedModelId, sendMessage, stop, templates } from "../../models/assistant";
import { AttachDocument } from "./attach-document";

export function Composer() {
	const [text, setText] = useState("");
	const submit = async () => {
		const content = text.trim();
		if (!content) return;
		if (await sendMessage(content)) setText("");
	};
	return (
		<form
			class="chat-composer"
			onSubmit={(event) => {
				event.preventDefault();
				void submit();
			}}
		>
			<div class="chat-options">
				<label>
					Model
					<select value={selectedModelId.value} onChange={(e) => (selectedModelId.value = e.currentTarget.value)}>
						{models.value.map((m) => (
							<option key={m.id} value={m.id}>
								{m.label}
							</option>
						))}
					</select>
				</label>
				{templates.value.length > 0 && (
					<label>
						Template
						<select
							value=""
							onChange={(e) => {
								const template = templates.value.find((t) => t.id === e.currentTarget.value);
								if (template) setText(template.body);
							}}
						>
							<option value="">Choose a template…</option>
							{templates.value.map((t) => (
								<option key={t.id} value={t.id}>
									{t.title}
									{t.shared ? " (shared)" : ""}
								</option>
							))}
						</select>
					</label>
				)}
			</div>
			{!askingAbout.value && <AttachDocument />}
			{askingAbout.value && (
				<p class="chat-about">
					Asking about {askingAbout.value.kind} <strong>{askingAbout.value.label}</strong>: the assistant reads what you may see of it.{" "}
					<button type="button" class="link-button" onClick={() => (askingAbout.value = null)}>
						Stop asking about it
					</button>
				</p>
			)}
			<label for="chat-input">Message</label>
			<textarea
				id="chat-input"
				rows={3}
				value={text}
				onInput={(e) => setText(e.currentTarget.value)}
				onKeyDown={(e) => {
					if (e.key === "Enter" && !e.shiftKey) {
						e.preventDefault();
						void submit();
					}
				}}
			/>
			<p class="field-hint">Replace any {"{{placeholder}}"} before sending. Enter sends; Shift+Enter adds a line.</p>
			<div class="chat-actions">
				<button type="submit" class="button">
					Send
				</button>
				{generating.value && (
					<button type="button" class="button secondary" onClick={() => void stop()}>
						Stop
					</button>
				)}
			</div>
		</form>
	);
}
