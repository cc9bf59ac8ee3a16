/** Writing a message: the model (only those the plan allows; the local one labelled), a template picker, a document to attach, Send and Stop. */
import { useState } from "preact/hooks";
import { askingAbout, generating, models, selectedModelId, sendMessage, stop, templates } from "../../models/assistant";
import { SelectField } from "../form-kit/select-field";
import { TextAreaField } from "../form-kit/textarea-field";
import { Button } from "../kit/button";
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
				<SelectField
					id="chat-model"
					label="Model"
					value={selectedModelId.value}
					options={models.value.map((m) => ({ value: m.id, label: m.label }))}
					onChange={(value) => (selectedModelId.value = value)}
				/>
				{templates.value.length > 0 && (
					<SelectField
						id="chat-template"
						label="Template"
						value=""
						options={[
							{ value: "", label: "Choose a template…" },
							...templates.value.map((t) => ({ value: t.id, label: `${t.title}${t.shared ? " (shared)" : ""}` })),
						]}
						onChange={(id) => {
							const template = templates.value.find((t) => t.id === id);
							if (template) setText(template.body);
						}}
					/>
				)}
			</div>
			{!askingAbout.value && <AttachDocument />}
			{askingAbout.value && (
				<p class="chat-about">
					Asking about {askingAbout.value.kind} <strong>{askingAbout.value.label}</strong>: the assistant reads what you may see of it.{" "}
					<Button variant="link" onClick={() => (askingAbout.value = null)}>
						Stop asking about it
					</Button>
				</p>
			)}
			<TextAreaField
				id="chat-input"
				name="content"
				label="Message"
				rows={3}
				required={false}
				value={text}
				onInput={setText}
				onKeyDown={(e) => {
					if (e.key === "Enter" && !e.shiftKey) {
						e.preventDefault();
						void submit();
					}
				}}
				hint={<>Replace any {"{{placeholder}}"} before sending. Enter sends; Shift+Enter adds a line.</>}
			/>
			<div class="chat-actions">
				<Button variant="primary" block={false} type="submit">
					Send
				</Button>
				{generating.value && <Button onClick={() => void stop()}>Stop</Button>}
			</div>
		</form>
	);
}
