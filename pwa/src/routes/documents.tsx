/** The Documents area: staff pick a client; a client's people see their own client's documents. Store first: works offline. */
import { useEffect, useState } from "preact/hooks";
import { DocumentsBrowser } from "../components/documents/documents-browser";
import { useDocumentTitle } from "../components/use-document-title";
import { documentClients, loadDocumentClients } from "../models/documents";
import { can } from "../models/session";
import NotFound from "./not-found";

function DocumentsPage() {
	const [picked, setClientId] = useState("");
	useDocumentTitle("Documents");
	useEffect(() => {
		void loadDocumentClients();
	}, []);
	const clients = documentClients.value;
	if (!clients) return <div class="skeleton skeleton-card" />;
	const clientId = clients.some((c) => c.id === picked) ? picked : (clients[0]?.id ?? "");
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
					{clientId && <DocumentsBrowser clientId={clientId} clientName={clients.find((c) => c.id === clientId)?.name} dropAnywhere />}
				</>
			)}
		</>
	);
}

export default function Documents() {
	return can("documents:read") ? <DocumentsPage /> : <NotFound />;
}
