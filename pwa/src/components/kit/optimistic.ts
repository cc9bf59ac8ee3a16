/**
 * An act shown at once, before the server answers: `apply` changes what the page shows, `send` asks
 * the server. A refusal puts it back (`revert`) and says so in a danger toast that names what to do
 * next; a success may confirm it in a toast whose Undo really reverts it through the API.
 *
 *   void actOptimistically({
 *     apply: () => hidden.add(id), revert: () => hidden.delete(id),
 *     send: () => unlinkPerson(clientId, id),
 *     refused: (detail) => `Couldn't unlink Mara: ${detail} She still sees this client; try again.`,
 *     done: { message: "Mara unlinked.", undo: () => linkPerson(clientId, id) },
 *   });
 */
import type { Result } from "../../api/request";
import { show } from "./toast";

type Undo = () => Promise<Result<unknown>>;

export type OptimisticAct = {
	apply: () => void;
	revert: () => void;
	send: () => Promise<Result<unknown>>;
	/** The toast's sentence after a refusal, from the server's detail: what happened and what to do next. */
	refused: (detail: string) => string;
	/** The confirmation, with Undo when the act can be reverted. */
	done?: { message: string; undo?: Undo; undoRefused?: (detail: string) => string };
};

/** Runs the act; resolves true once the server took it, false after a refusal (already rolled back and said). */
export async function actOptimistically({ apply, revert, send, refused, done }: OptimisticAct): Promise<boolean> {
	apply();
	const result = await send();
	if (!result.ok) {
		revert();
		show({ message: refused(result.problem.detail), tone: "danger" });
		return false;
	}
	if (done) {
		const { message, undo, undoRefused } = done;
		show({
			message,
			action: undo && {
				label: "Undo",
				// A refused Undo's sentence becomes the toast model's failure toast.
				run: async () => {
					const reverted = await undo();
					return reverted.ok ? undefined : (undoRefused?.(reverted.problem.detail) ?? reverted.problem.detail);
				},
			},
		});
	}
	return true;
}
