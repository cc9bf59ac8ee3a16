/** The Documents area: staff pick a client; a client's people see their own client's documents. */
import { useEffect, useState } from "preact/hooks";
import type { ClientT } from "../../../schema/dto/portal";
import { api } from "../api/client";
import { fetchJson } from "../api/fetch-json";
import { DocumentsBrowser } from "../components/documents/documents-browser";
import { useDocumentTitle } from "../components/use-document-title";
import { can } from "../models/session";
import NotFound from "./not-found";

function DocumentsPage() {
	const [clients, setClients] = useState<ClientT[] | null>(null);
	const [clientId, setClientId] = useState("");
	useDocumentTitle("Documents");
	useEffect(() => {
		void fetchJson(() => api.api.v1.clients.$get({ query: { limit: "100" } })).then((result) => {
			const list = result.ok ? result.value.clients : [];
			setClients(list);
			setClientId(list[0]?.id ?? "");
		});
	}, []);
	if (!clients) return <div class="skeleton skeleton-card" />;
	return (
		<>
			<h1>Documents</h1>
			{clients.length === 0 ? (
				<p>No client documents yet.</p>
			) : (
				<>
					{clients.length > 1 && (
						<div class="field">
							<label for="documents-client">Client</label>
							<select id="documents-client" value={clientId} onChange={(e) => setClientId(e.currentTarget.value)}>
								{clients.map((c) => (
									<option key={c.id} value={c.id}>
										{c.name}
									</option>
								))}
							</select>
						</div>
					)}
					{clientId && <DocumentsBrowser clientId={clientId} />}
				</>
			)}
		</>
	);
}

export default function Documents() {
	return can("documents:read") ? <DocumentsPage /> : <NotFound />;
}
