/** The Documents area: staff pick a client; a client's people see their own client's documents. Store first: works offline. */
import { useEffect, useState } from "preact/hooks";
import { DocumentsBrowser } from "../components/documents/documents-browser";
import { SelectField } from "../components/form-kit/select-field";
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
						<SelectField
							id="documents-client"
							label="Client"
							value={clientId}
							options={clients.map((c) => ({ value: c.id, label: c.name }))}
							onChange={setClientId}
						/>
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
