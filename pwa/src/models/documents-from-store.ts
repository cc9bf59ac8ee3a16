/**
 * The documents page from the device's synced records (offline first): one folder's subfolders and
 * documents of a client, and the clients whose documents the person may see. Pure; the records are
 * the store with the network's newer answer laid over it (models/store-first.ts).
 */
import type { ClientT } from "../../../schema/dto/portal";
import type { Records } from "../sync/newer-records";
import type { DocumentT, ListingT } from "./documents";

type Folder = ListingT["folders"][number];

function live<T>(records: Records, entity: string, where: (record: T) => boolean): T[] {
	const out: T[] = [];
	for (const stored of records.values()) {
		if (stored.entity !== entity || typeof stored.record.deletedAt === "number") continue;
		const record = stored.record as T;
		if (where(record)) out.push(record);
	}
	return out;
}

const byName = (a: { name: string; id: string }, b: { name: string; id: string }) => a.name.localeCompare(b.name) || (a.id < b.id ? -1 : 1);

/** One folder (null: the top) of a client's documents, as the listing route answers it: by name. */
export function listingFromStore(records: Records, clientId: string, folderId: string | null): ListingT {
	return {
		folders: live<Folder>(records, "document_folders", (f) => f.clientId === clientId && f.parentId === folderId).sort(byName),
		documents: live<DocumentT>(records, "documents", (d) => d.clientId === clientId && d.folderId === folderId).sort(byName),
	};
}

/** The clients on the device, by name. */
export function clientsFromStore(records: Records): ClientT[] {
	return live<ClientT>(records, "clients", () => true).sort(byName);
}
