/**
 * The kanban board primitive: typed columns of cards a person moves by mouse, by touch (the grip,
 * or a long press on the card) and by keyboard (Space/Enter on a card's grip picks it up, arrows
 * move it, Space/Enter drops, Escape cancels), each step said in a polite live region. A drop shows
 * at once; `onMove` saves it, and a refusal puts the card back with the reason (live region + toast).
 * Columns scroll sideways with snap on a phone. Without `onMove` the board is read-only.
 *
 *   <Board
 *     label="Deals by stage"
 *     columns={stages.map((s) => ({ id: s.id, title: s.name, cards: dealsIn(s), summary: money(totalOf(s)) }))}
 *     cardId={(d) => d.id}
 *     cardLabel={(d) => d.title}
 *     renderCard={(d) => <a href={`/deals/${d.id}`}>{d.title}</a>}
 *     onMove={(id, stageId, index) => moveDeal(id, stageId, index)} // resolves once the data shows it
 *     countLabel={(n) => `${n} deals`}
 *   />
 *
 * `order` makes columns keep their own order (e.g. newest first): a move then only changes column.
 */
import type { ComponentChildren } from "preact";
import { useId, useLayoutEffect, useRef, useState } from "preact/hooks";
import * as say from "./announcements";
import { BoardCard, type CardState } from "./board-card";
import { BoardColumnView } from "./board-column";
import { isMoveKey, keyboardMove } from "./keyboard-move";
import { findPlacement, othersIn, samePlacement, sortedIndex, whereabouts, withCardAt } from "./placement";
import { dropIndex } from "./pointer-geometry";
import type { BoardColumn, Layout, MoveOutcome, Placement } from "./types";
import { useOptimisticMoves } from "./use-optimistic-moves";
import { type Lift, placeGhost, usePointerDrag } from "./use-pointer-drag";
import "./board.css";

export type BoardProps<Card> = {
	/** The board's accessible name, e.g. "Projects by status". */
	label: string;
	columns: readonly BoardColumn<Card>[];
	cardId: (card: Card) => string;
	/** The card's name in announcements and on its grip ("Move …"). */
	cardLabel: (card: Card) => string;
	renderCard: (card: Card) => ComponentChildren;
	/** Saves a move; resolve once the columns you pass show it, or with `{ ok: false, message }`. Absent: read-only. */
	onMove?: (cardId: string, toColumn: string, toIndex: number) => Promise<MoveOutcome>;
	/** Columns keep this order (a move only changes the column); absent: cards go where they are dropped. */
	order?: (a: Card, b: Card) => number;
	countLabel?: (count: number) => string;
	/** What an empty column says. */
	empty?: string;
	headingLevel?: 2 | 3;
};

type Drag = { cardId: string; from: Placement; to: Placement; mode: "keyboard" | "pointer"; lift: Lift | null };

const cardsCount = (n: number) => `${n} ${n === 1 ? "card" : "cards"}`;

export function Board<Card>(props: BoardProps<Card>) {
	const {
		label,
		columns,
		cardId,
		cardLabel,
		renderCard,
		onMove,
		order,
		countLabel = cardsCount,
		empty = "Nothing here yet.",
		headingLevel = 2,
	} = props;
	const uid = useId();
	const boardRef = useRef<HTMLElement>(null);
	const ghostRef = useRef<HTMLDivElement>(null);
	const [drag, setDragState] = useState<Drag | null>(null);
	const [message, setMessage] = useState("");
	const focusCard = useRef<string | null>(null);

	const byId = new Map<string, Card>();
	for (const column of columns) for (const card of column.cards) byId.set(cardId(card), card);
	const labelOf = (id: string) => {
		const card = byId.get(id);
		return card === undefined ? id : cardLabel(card);
	};
	const base: Layout = columns.map((c) => ({
		id: c.id,
		title: c.title,
		cardIds: (order ? [...c.cards].sort(order) : c.cards).map(cardId),
	}));
	const optimistic = useOptimisticMoves(labelOf);
	const layout = optimistic.apply(base);
	const latest = useRef({ base, layout, drag });
	latest.current = { base, layout, drag: latest.current.drag };

	const setDrag = (next: Drag | null) => {
		latest.current.drag = next;
		setDragState(next);
	};
	const announce = (text: string) => setMessage((previous) => (previous === text ? `${text}\u00a0` : text));
	const where = (id: string, at: Placement) => whereabouts(latest.current.layout, id, at);
	const fixedIndex = (id: string) => {
		const card = byId.get(id);
		if (!order || card === undefined) return undefined;
		return (columnId: string) => {
			const others = othersIn(latest.current.layout, columnId, id).flatMap((other) => byId.get(other) ?? []);
			return sortedIndex(others, card, order);
		};
	};

	function pickUp(id: string, mode: Drag["mode"], lift: Lift | null): void {
		const from = findPlacement(latest.current.layout, id);
		if (!from) return;
		setDrag({ cardId: id, from, to: from, mode, lift });
		announce(say.pickedUp(labelOf(id), where(id, from), mode === "keyboard"));
	}

	function cancel(d: Drag): void {
		setDrag(null);
		announce(say.cancelled(labelOf(d.cardId), where(d.cardId, d.from)));
	}

	function drop(d: Drag): void {
		setDrag(null);
		const name = labelOf(d.cardId);
		announce(say.dropped(name, where(d.cardId, d.to)));
		if (samePlacement(d.from, d.to) || !onMove) return;
		void optimistic.run(
			d.cardId,
			d.to,
			() => onMove(d.cardId, d.to.columnId, d.to.index),
			(reason) => {
				const now = latest.current.base;
				announce(say.rolledBack(name, whereabouts(now, d.cardId, findPlacement(now, d.cardId) ?? d.from), reason));
			},
		);
	}

	function onGripKey(id: string, event: KeyboardEvent): void {
		const d = latest.current.drag;
		const isAction = event.key === " " || event.key === "Enter";
		if (!d) {
			if (!isAction) return;
			event.preventDefault();
			focusCard.current = id;
			pickUp(id, "keyboard", null);
			return;
		}
		if (d.cardId !== id || d.mode !== "keyboard") return;
		if (isMoveKey(event.key)) {
			event.preventDefault();
			const step = keyboardMove(latest.current.layout, id, d.to, event.key, fixedIndex(id));
			setDrag({ ...d, to: step.placement });
			announce(step.blocked ? say.cannotMove(labelOf(id), step.blocked) : say.movedTo(labelOf(id), where(id, step.placement)));
		} else if (isAction) {
			event.preventDefault();
			drop(d);
		} else if (event.key === "Escape") {
			event.preventDefault();
			event.stopPropagation();
			cancel(d);
		} else if (event.key === "Tab") cancel(d);
	}

	function pointerTarget(id: string, x: number, y: number): Placement | null {
		const hit = document.elementFromPoint(x, y)?.closest<HTMLElement>("[data-board-column]");
		const columnId = hit?.dataset.boardColumn;
		if (!hit || !columnId || !boardRef.current?.contains(hit)) return null;
		const fixed = fixedIndex(id);
		if (fixed) return { columnId, index: fixed(columnId) };
		const middles = [...hit.querySelectorAll<HTMLElement>("[data-board-card]")]
			.filter((card) => card.dataset.boardCard !== id)
			.map((card) => {
				const rect = card.getBoundingClientRect();
				return rect.top + rect.height / 2;
			});
		return { columnId, index: dropIndex(middles, y) };
	}

	const pointer = usePointerDrag({
		enabled: onMove !== undefined,
		scroller: boardRef,
		ghost: ghostRef,
		onLift: (lift) => pickUp(lift.cardId, "pointer", lift),
		onOver(x, y) {
			const d = latest.current.drag;
			if (!d) return;
			const to = pointerTarget(d.cardId, x, y);
			if (!to || samePlacement(to, d.to)) return;
			setDrag({ ...d, to });
			announce(say.movedTo(labelOf(d.cardId), where(d.cardId, to)));
		},
		onRelease(commit) {
			const d = latest.current.drag;
			if (d) (commit ? drop : cancel)(d);
		},
	});

	// The keyboard stays on the card it moves, wherever the card is drawn next. A layout effect: it runs
	// as the card is drawn in its new column, before the next key is handled, so a fast Escape right
	// after an arrow reaches the card instead of the page (a plain effect waits for the paint).
	useLayoutEffect(() => {
		const id = focusCard.current;
		const board = boardRef.current;
		if (!id || !board) return;
		const grip = board.querySelector<HTMLElement>(`[data-board-card="${CSS.escape(id)}"] [data-board-handle]`);
		const active = document.activeElement;
		if (grip && active !== grip && (active === document.body || board.contains(active))) grip.focus();
		if (!latest.current.drag && !optimistic.pending.has(id)) focusCard.current = null;
	});

	const shown = drag?.mode === "keyboard" ? withCardAt(layout, drag.cardId, drag.to) : layout;
	const instructionsId = `${uid}-keys`;
	const stateOf = (id: string): CardState => {
		if (drag?.cardId === id) return drag.mode === "keyboard" ? "lifted" : "placeholder";
		if (optimistic.pending.has(id)) return "saving";
		return optimistic.returned === id ? "returned" : "resting";
	};
	const ghostCard = drag?.mode === "pointer" && drag.lift ? byId.get(drag.cardId) : undefined;

	return (
		<div class="board-frame">
			<p id={instructionsId} class="visually-hidden">
				{say.KEYBOARD_INSTRUCTIONS}
			</p>
			<section
				ref={boardRef}
				class="board"
				aria-label={label}
				data-dragging={drag ? drag.mode : undefined}
				tabIndex={onMove ? undefined : 0}
			>
				{shown.map((column, columnIndex) => {
					const meta = columns[columnIndex];
					const isTarget = drag !== null && drag.to.columnId === column.id;
					const indicatorAt = drag?.mode === "pointer" && isTarget ? drag.to.index : null;
					const items: ComponentChildren[] = [];
					let other = 0;
					for (const id of column.cardIds) {
						const card = byId.get(id);
						if (card === undefined) continue;
						if (id !== drag?.cardId && indicatorAt === other++)
							items.push(<li key="drop" class="board-drop-indicator" aria-hidden="true" />);
						items.push(
							<BoardCard
								key={id}
								id={id}
								label={cardLabel(card)}
								state={stateOf(id)}
								grip={onMove ? { describedBy: instructionsId, onKeyDown: (event) => onGripKey(id, event) } : null}
								onPointerDown={(event, fromHandle) => pointer.pointerDown(id, event, fromHandle)}
								onContextMenu={(event) => pointer.holding() && event.preventDefault()}
							>
								{renderCard(card)}
							</BoardCard>,
						);
					}
					if (indicatorAt !== null && indicatorAt >= other) items.push(<li key="drop" class="board-drop-indicator" aria-hidden="true" />);
					return (
						<BoardColumnView
							key={column.id}
							id={column.id}
							headingId={`${uid}-column-${columnIndex}`}
							title={column.title}
							count={column.cardIds.length}
							countLabel={countLabel(column.cardIds.length)}
							summary={meta?.summary}
							headingLevel={headingLevel}
							isTarget={isTarget}
							empty={column.cardIds.length === 0 ? empty : null}
						>
							{items}
						</BoardColumnView>
					);
				})}
			</section>
			{ghostCard !== undefined && drag?.lift && (
				<div
					class="board-ghost"
					aria-hidden="true"
					inert
					style={{ width: `${drag.lift.width}px` }}
					ref={(element) => {
						ghostRef.current = element;
						const lift = drag.lift;
						if (element && lift && !element.style.transform) placeGhost(element, lift.x, lift.y, lift.offsetX, lift.offsetY);
					}}
				>
					<div class="board-card" data-state="lifted">
						<div class="board-card-body">{renderCard(ghostCard)}</div>
					</div>
				</div>
			)}
			<p class="visually-hidden" role="status" aria-live="polite" data-board-announcer>
				{message}
			</p>
		</div>
	);
}
