/** Recognising database errors that are answers, not failures (a unique index that said no). */

/** Whether an error (or any error it wraps, as drizzle does) is a UNIQUE constraint violation. */
export function isUniqueViolation(error: unknown): boolean {
	for (let e: unknown = error, depth = 0; e && depth < 5; depth++) {
		if (String(e).includes("UNIQUE constraint failed")) return true;
		e = e instanceof Error ? e.cause : undefined;
	}
	return false;
}
