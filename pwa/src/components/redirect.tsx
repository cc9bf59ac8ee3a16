/** Replaces the current address with another one (no history entry), showing the frame's skeleton meanwhile. */

import { useEffect } from "preact/hooks";
import { useLocation } from "preact-iso";
import { FrameSkeleton } from "./kit/skeleton";

export function Redirect({ to }: { to: string }) {
	const { route } = useLocation();
	useEffect(() => route(to, true), [to]);
	return <FrameSkeleton />;
}
