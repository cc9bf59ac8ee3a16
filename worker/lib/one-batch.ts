/**
 * D1 batches: several statements in ONE round trip (and, for writes, one transaction: all or
 * nothing). `readInOneBatch` runs named groups of selects together and hands back each group's
 * rows; `runInOneBatch` runs a list of statements and returns each one's result.
 */
import type { BatchItem } from "drizzle-orm/batch";
import type { Database } from "../env";

type Statement = BatchItem<"sqlite">;
type RowsOf<Q> = Awaited<Q> extends readonly (infer R)[] ? R[] : never;

export async function runInOneBatch(db: Database, statements: readonly Statement[]): Promise<unknown[]> {
	if (statements.length === 0) return [];
	return (await db.batch(statements as unknown as [Statement, ...Statement[]])) as unknown[];
}

/** Every group's selects in one batch; each group's rows concatenated in statement order. */
export async function readInOneBatch<G extends Record<string, readonly Statement[]>>(
	db: Database,
	groups: G,
): Promise<{ [K in keyof G]: RowsOf<G[K][number]> }> {
	const keys = Object.keys(groups) as (keyof G)[];
	const results = await runInOneBatch(
		db,
		keys.flatMap((key) => groups[key] ?? []),
	);
	const out = {} as Record<keyof G, unknown[]>;
	let at = 0;
	for (const key of keys) {
		const count = groups[key]?.length ?? 0;
		out[key] = results.slice(at, at + count).flat();
		at += count;
	}
	return out as { [K in keyof G]: RowsOf<G[K][number]> };
}
