/**
 * "Attach document" in the composer (for those with documents:read): pick a client, then one of its
 * text or PDF documents; the next messages ask about it. Focus moves into the picker when it opens,
 * to the message box once a document is chosen, and back to the button on Cancel.
 */
import { useEffect, useRef, useState } from "preact/hooks";
import { askingAbout } from "../../models/assistant";
import { loadPickerClients, loadPickerDocuments, pickerClients, pickerDocuments, pickerError } from "../../models/assistant-attach";
import { can } from "../../models/session";

export function AttachDocument() {
	const [open, setOpen] = useState(false);
	const [clientId, setClientId] = useState("");
	const clientSelect = useRef<HTMLSelectElement>(null);
	const openButton = useRef<HTMLButtonElement>(null);
	const wasOpen = useRef(false);
	useEffect(() => {
		if (open) clientSelect.current?.focus();
		else if (wasOpen.current) openButton.current?.focus();
		wasOpen.current = open;
	}, [open]);
	if (!can("documents:read")) return null;
	const chooseClient = (id: string) => {
		setClientId(id);
		if (id) void loadPickerDocuments(id);
	};
	if (!open)
		return (
			<button
				ref={openButton}
				type="button"
				class="button secondary chat-attach-button"
				onClick={async () => {
					setOpen(true);
					await loadPickerClients();
					const only = pickerClients.value.length === 1 ? pickerClients.value[0] : undefined;
					if (only) chooseClient(only.id);
				}}
			>
				Attach document
			</button>
		);
	return (
		<fieldset class="chat-attach">
			<legend>Attach a document</legend>
			<p class="field-hint">The assistant reads the text of a text or PDF document you may open (long ones in part).</p>
			{pickerError.value && <p role="alert">{pickerError.value}</p>}
			<label>
				Client
				<select ref={clientSelect} value={clientId} onChange={(e) => chooseClient(e.currentTarget.value)}>
					<option value="">Choose a client…</option>
					{pickerClients.value.map((c) => (
						<option key={c.id} value={c.id}>
							{c.name}
						</option>
					))}
				</select>
			</label>
			{clientId && (
				<label>
					Document
					<select
						value=""
						onChange={(e) => {
							const picked = pickerDocuments.value.find((d) => d.id === e.currentTarget.value);
							if (!picked) return;
							askingAbout.value = { kind: "document", id: picked.id, label: picked.name };
							wasOpen.current = false;
							setOpen(false);
							document.getElementById("chat-input")?.focus();
						}}
					>
						<option value="">{pickerDocuments.value.length ? "Choose a document…" : "No text or PDF documents here"}</option>
						{pickerDocuments.value.map((d) => (
							<option key={d.id} value={d.id}>
								{d.name}
							</option>
						))}
					</select>
				</label>
			)}
			<button type="button" class="link-button" onClick={() => setOpen(false)}>
				Cancel
			</button>
		</fieldset>
	);
}
