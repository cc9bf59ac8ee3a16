/**
 * Group commit for a Durable Object's synchronous SQLite writes. Every write of one turn shares
 * the turn's implicit transaction, and the output gate holds the answers until that transaction
 * is confirmed; one object confirms only so many transactions a second. So calls that arrive while
 * the previous group is being confirmed wait, and are then applied together, in arrival order, in
 * ONE synchronous block: one transaction, one confirmation, many calls. Each call still runs on
 * its own (its own result or error), and no answer leaves before its write is durable, because
 * nothing here bypasses the output gate. An idle object applies a call at once, adding no delay.
 */

type Queued = { apply: () => unknown; resolve: (value: unknown) => void; reject: (error: unknown) => void };

export class GroupCommit {
	private queue: Queued[] = [];
	private draining = false;

	/** `confirmed` resolves once every write made so far is durable (`ctx.storage.sync()`). */
	constructor(private readonly confirmed: () => Promise<void>) {}

	/** Runs `apply` in the next group, after every call queued before it; resolves to its result. */
	run<T>(apply: () => T): Promise<T> {
		return new Promise<T>((resolve, reject) => {
			this.queue.push({ apply, resolve: resolve as (value: unknown) => void, reject });
			if (!this.draining) void this.drain();
		});
	}

	/** Applies the queue group by group; the calls arriving while a group is confirmed form the next. */
	private async drain(): Promise<void> {
		this.draining = true;
		try {
			while (this.queue.length > 0) {
				const group = this.queue;
				this.queue = [];
				for (const call of group) {
					try {
						call.resolve(call.apply());
					} catch (error) {
						call.reject(error);
					}
				}
				await this.confirmed();
			}
		} catch (error) {
			// Storage failed to confirm: the runtime resets the object; nothing queued may run on it.
			for (const call of this.queue.splice(0)) call.reject(error);
		} finally {
			this.draining = false;
		}
	}
}
