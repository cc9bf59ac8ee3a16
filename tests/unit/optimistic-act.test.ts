/** The kit's optimistic act: shown before the answer, rolled back with a toast saying what to do after a refusal, Undo through the API. */
import { afterEach, describe, expect, it } from "vitest";
import type { Result } from "../../pwa/src/api/request";
import { actOptimistically } from "../../pwa/src/components/kit/optimistic";
import { dismiss, runAction, toasts } from "../../pwa/src/components/kit/toast";

const refusal = (detail: string): Result<unknown> => ({
	ok: false,
	problem: { status: 409, title: "Conflict", detail, fields: {}, retryAfterSeconds: null },
});

/** A send the test answers when it likes, to look at the page in between. */
function heldSend() {
	let answer: (result: Result<unknown>) => void = () => {};
	const promise = new Promise<Result<unknown>>((resolve) => (answer = resolve));
	return { send: () => promise, answer: (result: Result<unknown>) => answer(result) };
}

describe("actOptimistically", () => {
	afterEach(() => {
		for (const t of toasts.value) dismiss(t.id);
	});

	it("shows the change before the server answers, and keeps it with a toast offering Undo once it is taken", async () => {
		const hidden = new Set<string>();
		const held = heldSend();
		const undone: string[] = [];
		const running = actOptimistically({
			apply: () => hidden.add("mara"),
			revert: () => hidden.delete("mara"),
			send: held.send,
			refused: (detail) => `Couldn't unlink Mara: ${detail}`,
			done: {
				message: "Mara unlinked.",
				undo: async () => {
					undone.push("mara");
					return { ok: true, value: null };
				},
			},
		});
		expect(hidden.has("mara")).toBe(true);
		held.answer({ ok: true, value: null });
		expect(await running).toBe(true);
		expect(hidden.has("mara")).toBe(true);
		const [confirmation] = toasts.value;
		expect(confirmation?.message).toBe("Mara unlinked.");
		expect(confirmation?.action?.label).toBe("Undo");
		await runAction(confirmation?.id ?? -1);
		expect(undone).toEqual(["mara"]);
		expect(toasts.value).toEqual([]);
	});

	it("puts the change back after a refusal and says what to do next in a danger toast", async () => {
		const hidden = new Set<string>();
		const ok = await actOptimistically({
			apply: () => hidden.add("mara"),
			revert: () => hidden.delete("mara"),
			send: async () => refusal("Mara was changed meanwhile."),
			refused: (detail) => `Couldn't unlink Mara: ${detail} She can still see this client; reload and try again.`,
			done: { message: "Mara unlinked." },
		});
		expect(ok).toBe(false);
		expect(hidden.has("mara")).toBe(false);
		expect(toasts.value.map((t) => [t.tone, t.message])).toEqual([
			["danger", "Couldn't unlink Mara: Mara was changed meanwhile. She can still see this client; reload and try again."],
		]);
	});

	it("says so when the Undo itself is refused", async () => {
		await actOptimistically({
			apply: () => {},
			revert: () => {},
			send: async () => ({ ok: true, value: null }),
			refused: (detail) => detail,
			done: {
				message: "Mara unlinked.",
				undo: async () => refusal("The plan allows no more people."),
				undoRefused: (d) => `Couldn't link Mara again: ${d}`,
			},
		});
		await runAction(toasts.value[0]?.id ?? -1);
		expect(toasts.value.map((t) => [t.tone, t.message])).toEqual([["danger", "Couldn't link Mara again: The plan allows no more people."]]);
	});
});
