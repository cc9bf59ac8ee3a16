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

export function MessageComposer() {
	const [body, setBody] = useState("");
	const [alert, setAlert] = useState<string | null>(null);
	const [busy, setBusy] = useState(false);
	const fileInput = useRef<HTMLInputElement>(null);
	const bodyField = useRef<HTMLTextAreaElement>(null);
	const t = thread.value;
	if (!t) return null;
	const blocked = !can("messages:write") ? "Your role can read messages but not send them." : t.blockedReason;

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
				bodyField.current?.focus();
				return setAlert(uploaded.problem.detail);
			}
			attachmentId = uploaded.value.id;
		}
		const result = await postMessage(t.id, body.trim(), attachmentId);
		setBusy(false);
		bodyField.current?.focus();
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
			<div class="field">
				<label for="message-body">Message</label>
				<textarea
					id="message-body"
					ref={bodyField}
					rows={3}
					value={body}
					maxLength={5000}
					disabled={blocked !== null}
					onInput={(e) => {
						setBody(e.currentTarget.value);
						noteTyping();
					}}
				/>
			</div>
			<div class="field">
				<label for="message-file">Attach a file (up to 10 MB)</label>
				<input id="message-file" type="file" ref={fileInput} accept={ATTACHMENT_TYPES.join(",")} disabled={blocked !== null} />
			</div>
			<button type="submit" class="button primary" disabled={blocked !== null || busy}>
				Send
			</button>
		</form>
	);
}
