/**
 * The phone's back button closes an overlay: while `open`, one history entry (same address) stands
 * for it, so back pops that entry and calls `onBack` instead of leaving the page. Closing from the
 * overlay itself (Escape, its close button, a link in it) goes through the returned `dismiss`, which
 * drops that entry first and then runs `then` (e.g. the navigation a link asked for), so history
 * never keeps a stale entry and the router never sees the overlay's entry as a page.
 */
import { useEffect, useRef } from "preact/hooks";

export function useBackCloses(open: boolean, onBack: () => void): (then?: () => void) => void {
	const pushed = useRef(false);
	const after = useRef<(() => void) | null>(null);
	const backRef = useRef(onBack);
	backRef.current = onBack;

	useEffect(() => {
		if (!open) return;
		history.pushState({ ...(history.state as object | null), overlay: true }, "");
		pushed.current = true;
		const onPop = () => {
			pushed.current = false;
			backRef.current();
			const then = after.current;
			after.current = null;
			then?.();
		};
		addEventListener("popstate", onPop);
		return () => removeEventListener("popstate", onPop);
	}, [open]);

	return (then) => {
		if (pushed.current) {
			after.current = then ?? null;
			history.back();
		} else {
			backRef.current();
			then?.();
		}
	};
}
