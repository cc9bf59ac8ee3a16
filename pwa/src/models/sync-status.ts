/** What the header shows of offline sync (pending writes, last sync) — signals only, so the header stays light; models/sync.ts fills them. */
import { signal } from "@preact/signals";

export const pendingCount = signal(0);
export const lastSyncAt = signal<number | null>(null);
export const conflictCount = signal(0);
