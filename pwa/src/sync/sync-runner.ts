/**
 * One sync at a time, and never a stale answer: whoever asks for a sync gets a promise that settles
 * only after a run that STARTED after they asked. A request made while a run is in flight joins the
 * single run queued behind it (a run already started may have read the change log before the
 * change the caller wants to see). A failed run is reported and never blocks later ones; the
 * returned promise never rejects. DOM-free (unit-tested in tests/unit/sync-runner.test.ts).
 */

export type SyncRunner<T> = () => Promise<T>;

/**
 * Wraps `run` so runs never overlap. `failed` is what a caller gets when `run` throws (after
 * `onError` hears of it).
 */
export function createSyncRunner<T>(run: () => Promise<T>, failed: T, onError: (error: unknown) => void = () => undefined): SyncRunner<T> {
	let current: Promise<T> | null = null;
	let next: Promise<T> | null = null;

	function launch(): Promise<T> {
		const started = (async () => {
			try {
				return await run();
			} catch (error) {
				onError(error);
				return failed;
			}
		})();
		current = started;
		// Registered before any `next` below, so it runs first and `next` then launches at once.
		void started.then(() => {
			if (current === started) current = null;
		});
		return started;
	}

	return () => {
		if (!current) return launch();
		next ??= current.then(() => {
			next = null;
			return launch();
		});
		return next;
	};
}
