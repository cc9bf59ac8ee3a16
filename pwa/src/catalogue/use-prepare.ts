/**
 * Puts a story into a state that needs a person's actions (a menu opened, rows ticked, a form sent):
 * runs `steps` on the element one after another, each after the previous one has rendered, and marks
 * the element `data-pending` until the last is done, so the visual test waits for the settled page.
 *
 *   const box = usePrepare<HTMLDivElement>([(el) => el.querySelector("button")?.click()]);
 *   return <div ref={box}>…</div>;
 */
import { useEffect, useRef } from "preact/hooks";

export type PrepareStep<E extends HTMLElement> = (element: E) => void;

/** A macrotask: Preact has rendered what the previous step changed (its renders are queued as microtasks). */
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export function usePrepare<E extends HTMLElement>(steps: readonly PrepareStep<E>[]) {
	const ref = useRef<E>(null);
	useEffect(() => {
		const element = ref.current;
		if (!element) return;
		element.dataset.pending = "";
		let live = true;
		void (async () => {
			for (const step of steps) {
				await nextTask();
				if (!live) return;
				step(element);
			}
			await nextTask();
			delete element.dataset.pending;
		})();
		return () => {
			live = false;
		};
	}, []);
	return ref;
}
