/**
 * The documents page from the device's synced records (offline first): one folder's subfolders and
 * documents of a client, and the clients whose documents the person may see. Pure; the records are
 * the store with the network's newer answer laid over it (models/store-first.ts).
 */
import { byLowerName, byStoredName } from "../../../schema/collation";
import type { ClientT } from "../../../schema/dto/portal";
import type { Records } from "../sync/newer-records";
import type { DocumentT, ListingT } from "./document-types";

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

/** One folder (null: the top) of a client's documents, as the listing route answers it: by name as the database orders it. */
export function listingFromStore(records: Records, clientId: string, folderId: string | null): ListingT {
	return {
		folders: live<Folder>(records, "document_folders", (f) => f.clientId === clientId && f.parentId === folderId).sort(byStoredName),
		documents: live<DocumentT>(records, "documents", (d) => d.clientId === clientId && d.folderId === folderId).sort(byStoredName),
	};
}

/** The clients on the device, by name, as the clients list sorts them (lower(name), then id). */
export function clientsFromStore(records: Records): ClientT[] {
	return live<ClientT>(records, "clients", () => true).sort(byLowerName);
}
