/**
 * The composer's "Attach document" picker: the clients the user may see, then the documents of the
 * chosen client, in any folder, that the assistant can read (text and PDF). What the API
 * lists is already limited to what the user may read; the send is checked again on the server.
 */
import { signal } from "@preact/signals";
import { api } from "../api/client";
import { fetchJson } from "../api/fetch-json";

export type PickOption = { id: string; name: string };

export const pickerClients = signal<PickOption[]>([]);
export const pickerDocuments = signal<PickOption[]>([]);
export const pickerError = signal<string | null>(null);

const READABLE = /^(text\/|application\/(pdf|json|xml|markdown|x-markdown)\b)/;

export async function loadPickerClients(): Promise<void> {
	const result = await fetchJson(() => api.api.v1.clients.$get({ query: { sort: "name", limit: "100" } }));
	if (!result.ok) {
		pickerError.value = result.problem.detail;
		return;
	}
	pickerError.value = null;
	pickerClients.value = result.value.clients.map((c) => ({ id: c.id, name: c.name }));
}

export async function loadPickerDocuments(clientId: string): Promise<void> {
	pickerDocuments.value = [];
	const result = await fetchJson(() => api.api.v1.clients[":clientId"].documents.$get({ param: { clientId }, query: { all: "true" } }));
	if (!result.ok) {
		pickerError.value = result.problem.detail;
		return;
	}
	pickerError.value = null;
	pickerDocuments.value = result.value.documents.filter((d) => READABLE.test(d.contentType)).map((d) => ({ id: d.id, name: d.name }));
}
