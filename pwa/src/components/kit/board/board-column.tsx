/**
 * One column of the board: a heading with the column's count (and an optional summary such as a
 * total), then its cards in an ordered list. Marked while it is where a dragged card would land;
 * says `empty` when it holds nothing.
 */
import type { ComponentChildren } from "preact";

type Props = {
	id: string;
	headingId: string;
	title: string;
	count: number;
	countLabel: string;
	summary?: string;
	headingLevel: 2 | 3;
	isTarget: boolean;
	empty: string | null;
	children: ComponentChildren;
};

export function BoardColumnView({ id, headingId, title, count, countLabel, summary, headingLevel, isTarget, empty, children }: Props) {
	const Heading = headingLevel === 2 ? "h2" : "h3";
	return (
		<section class="board-column" data-board-column={id} data-drop-target={isTarget ? "" : undefined} aria-labelledby={headingId}>
			<header class="board-column-header">
				<Heading id={headingId} class="board-column-title">
					{title}
				</Heading>
				<span class="board-column-count">
					<span aria-hidden="true">{count}</span>
					<span class="visually-hidden">{countLabel}</span>
				</span>
				{summary && <span class="board-column-summary">{summary}</span>}
			</header>
			<ol class="board-cards" aria-labelledby={headingId}>
				{children}
			</ol>
			{empty && <p class="board-column-empty">{empty}</p>}
		</section>
	);
}
