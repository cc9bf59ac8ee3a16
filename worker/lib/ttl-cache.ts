/**
 * A small in-isolate cache with a time to live and a size bound (oldest entries go first). For
 * data that may be a few seconds stale everywhere but the isolate that changed it.
 */
export class TtlCache<K, V> {
	private readonly entries = new Map<K, { value: V; expiresAt: number }>();

	constructor(
		private readonly ttlMs: number,
		private readonly maxEntries: number,
	) {}

	get(key: K, now = Date.now()): V | undefined {
		const entry = this.entries.get(key);
		if (!entry) return undefined;
		if (entry.expiresAt <= now) {
			this.entries.delete(key);
			return undefined;
		}
		return entry.value;
	}

	set(key: K, value: V, now = Date.now()): void {
		this.entries.delete(key);
		this.entries.set(key, { value, expiresAt: now + this.ttlMs });
		if (this.entries.size > this.maxEntries) {
			const oldest = this.entries.keys().next();
			if (!oldest.done) this.entries.delete(oldest.value);
		}
	}

	delete(key: K): void {
		this.entries.delete(key);
	}

	/** Deletes every entry whose value matches. */
	deleteWhere(matches: (value: V) => boolean): void {
		for (const [key, entry] of this.entries) if (matches(entry.value)) this.entries.delete(key);
	}

	clear(): void {
		this.entries.clear();
	}
}
