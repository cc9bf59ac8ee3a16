/**
 * The composer of a thread: a message and an optional file; disabled, with the reason, when the user
 * or the client's tier cannot post. After a send the keyboard goes back to the message field (Send is
 * disabled while sending, which would otherwise drop focus onto <body>).
 */
import { useRef, useState } from "preact/hooks";
import { ATTACHMENT_TYPES } from "../../../schema/messaging";
import { can } from "../models/session";
import { noteTyping, postMessage, thread, uploadAttachment } from "../models/thread";
import { FormAlert } from "./form-kit/form-alert";
import { TextAreaField } from "./form-kit/textarea-field";
import { Button } from "./kit/button";

export function MessageComposer() {
	const [body, setBody] = useState("");
	const [alert, setAlert] = useState<string | null>(null);
	const [busy, setBusy] = useState(false);
	const fileInput = useRef<HTMLInputElement>(null);
	const t = thread.value;
	if (!t) return null;
	const blocked = !can("messages:write") ? "Your role can read messages but not send them." : t.blockedReason;

	const focusBody = () => document.getElementById("message-body")?.focus();
	const submit = async (event: Event) => {
		event.preventDefault();
		const file = fileInput.current?.files?.[0];
		if (!body.trim() && !file) return setAlert("Write a message or choose a file.");
		setBusy(true);
		let attachmentId: string | undefined;
		if (file) {
			const uploaded = await uploadAttachment(t.id, file);
			if (!uploaded.ok) {
				setBusy(false);
				focusBody();
				return setAlert(uploaded.problem.detail);
			}
			attachmentId = uploaded.value.id;
		}
		const result = await postMessage(t.id, body.trim(), attachmentId);
		setBusy(false);
		focusBody();
		if (!result.ok) return setAlert(result.problem.detail);
		setAlert(null);
		setBody("");
		if (fileInput.current) fileInput.current.value = "";
	};

	return (
		<form class="composer" onSubmit={submit} noValidate aria-describedby={blocked ? "composer-blocked" : undefined}>
			{blocked && (
				<p id="composer-blocked" class="notice">
					{blocked}
				</p>
			)}
			<FormAlert message={alert} />
			<TextAreaField
				id="message-body"
				name="body"
				label="Message"
				rows={3}
				required={false}
				value={body}
				maxLength={5000}
				disabled={blocked !== null}
				onInput={(value) => {
					setBody(value);
					noteTyping();
				}}
			/>
			<div class="field">
				<label for="message-file">Attach a file (up to 10 MB)</label>
				<input id="message-file" type="file" ref={fileInput} accept={ATTACHMENT_TYPES.join(",")} disabled={blocked !== null} />
			</div>
			<Button variant="primary" type="submit" disabled={blocked !== null || busy}>
				Send
			</Button>
		</form>
	);
}
