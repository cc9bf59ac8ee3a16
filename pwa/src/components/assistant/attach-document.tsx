/**
 * "Attach document" in the composer (for those with documents:read): pick a client, then one of its
 * text or PDF documents; the next messages ask about it. Focus moves into the picker when it opens,
 * to the message box once a document is chosen, and back to the button on Cancel.
 */
import { useEffect, useRef, useState } from "preact/hooks";
import { askingAbout } from "../../models/assistant";
import { loadPickerClients, loadPickerDocuments, pickerClients, pickerDocuments, pickerError } from "../../models/assistant-attach";
import { can } from "../../models/session";
import { SelectField } from "../form-kit/select-field";
import { Button } from "../kit/button";

export function AttachDocument() {
	const [open, setOpen] = useState(false);
	const [clientId, setClientId] = useState("");
	const wasOpen = useRef(false);
	useEffect(() => {
		if (open) document.getElementById("attach-client")?.focus();
		else if (wasOpen.current) document.getElementById("chat-attach-button")?.focus();
		wasOpen.current = open;
	}, [open]);
	if (!can("documents:read")) return null;
	const chooseClient = (id: string) => {
		setClientId(id);
		if (id) void loadPickerDocuments(id);
	};
	if (!open)
		return (
			<Button
				id="chat-attach-button"
				class="chat-attach-button"
				onClick={async () => {
					setOpen(true);
					await loadPickerClients();
					const only = pickerClients.value.length === 1 ? pickerClients.value[0] : undefined;
					if (only) chooseClient(only.id);
				}}
			>
				Attach document
			</Button>
		);
	return (
		<fieldset class="chat-attach">
			<legend>Attach a document</legend>
			<p class="field-hint">The assistant reads the text of a text or PDF document you may open (long ones in part).</p>
			{pickerError.value && <p role="alert">{pickerError.value}</p>}
			<SelectField
				id="attach-client"
				label="Client"
				value={clientId}
				options={[{ value: "", label: "Choose a client…" }, ...pickerClients.value.map((c) => ({ value: c.id, label: c.name }))]}
				onChange={chooseClient}
			/>
			{clientId && (
				<SelectField
					id="attach-document"
					label="Document"
					value=""
					options={[
						{ value: "", label: pickerDocuments.value.length ? "Choose a document…" : "No text or PDF documents here" },
						...pickerDocuments.value.map((d) => ({ value: d.id, label: d.name })),
					]}
					onChange={(id) => {
						const picked = pickerDocuments.value.find((d) => d.id === id);
						if (!picked) return;
						askingAbout.value = { kind: "document", id: picked.id, label: picked.name };
						wasOpen.current = false;
						setOpen(false);
						document.getElementById("chat-input")?.focus();
					}}
				/>
			)}
			<Button variant="link" onClick={() => setOpen(false)}>
				Cancel
			</Button>
		</fieldset>
	);
}
