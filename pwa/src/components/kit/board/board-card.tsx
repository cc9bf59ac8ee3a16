/**
 * One card on the board: the screen's own content (render prop) beside a 44 px grip button, the
 * card's keyboard and touch handle ("Move <card>"). Its `data-state` draws it lifted, left behind
 * as a placeholder, saving, or returned after a refused move.
 */
import type { ComponentChildren, PointerEventHandler } from "preact";

export type CardState = "resting" | "lifted" | "placeholder" | "saving" | "returned";

type Props = {
	id: string;
	label: string;
	state: CardState;
	/** Null on a read-only board: no grip, nothing to drag. */
	grip: { describedBy: string; onKeyDown: (event: KeyboardEvent) => void } | null;
	onPointerDown?: (event: PointerEvent, fromHandle: boolean) => void;
	onContextMenu?: (event: MouseEvent) => void;
	children: ComponentChildren;
};

function GripIcon() {
	return (
		<svg width="20" height="20" viewBox="0 0 20 20" aria-hidden="true" focusable="false" fill="currentColor">
			{[5, 10, 15].map((y) => [7, 13].map((x) => <circle key={`${x}-${y}`} cx={x} cy={y} r="1.6" />))}
		</svg>
	);
}

export function BoardCard({ id, label, state, grip, onPointerDown, onContextMenu, children }: Props) {
	const pointerDown: PointerEventHandler<HTMLLIElement> = (event) =>
		onPointerDown?.(event, event.target instanceof Element && event.target.closest("[data-board-handle]") !== null);
	return (
		<li
			class="board-card"
			data-board-card={id}
			data-state={state}
			aria-busy={state === "saving" ? "true" : undefined}
			onPointerDown={grip ? pointerDown : undefined}
			onDragStart={grip ? (event) => event.preventDefault() : undefined}
			onContextMenu={onContextMenu}
		>
			{grip && (
				<button
					type="button"
					class="board-card-handle"
					data-board-handle
					aria-label={`Move ${label}`}
					aria-describedby={grip.describedBy}
					onKeyDown={grip.onKeyDown}
				>
					<GripIcon />
				</button>
			)}
			<div class="board-card-body">{children}</div>
		</li>
	);
}
