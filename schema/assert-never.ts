/**
 * The one exhaustiveness check for discriminated unions (jobs, wire frames, sync mutations): a
 * `switch` whose `default` calls this stops compiling when a new variant is added and not handled,
 * and throws if an unknown value still arrives at run time (e.g. from an older client).
 */
export function assertNever(value: never, what = "value"): never {
	throw new UnhandledVariantError(`unhandled ${what}: ${JSON.stringify(value)}`);
}

/** Thrown by assertNever: a value outside the union reached an exhaustive switch. */
export class UnhandledVariantError extends Error {
	override name = "UnhandledVariantError";
}
