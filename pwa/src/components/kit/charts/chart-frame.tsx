/**
 * What every chart is wrapped in: a <figure> named by its title and described by its summary
 * sentence, the legend, the drawing, and the table alternative (a "Show as table" disclosure
 * holding the kit DataTable with the same numbers). While the data loads it shows the kit Skeleton;
 * with nothing to draw, the kit EmptyState under the chart's title.
 */
import type { ComponentChildren } from "preact";
import { useId } from "preact/hooks";
import { EmptyState } from "../empty-state";
import { Skeleton } from "../skeleton";
import "./charts.css";

export type ChartState = "loading" | "empty" | "ready";

export type ChartFrameProps = {
	title: string;
	/** The sentence describing what the chart shows (its accessible description). */
	summary: string;
	state: ChartState;
	/** Says why there is nothing to draw and, if there is one, what to do. */
	emptyText: string;
	/** The heading level of the title where the chart sits (default 3: inside a card with an h2). */
	headingLevel?: 2 | 3;
	legend?: ComponentChildren;
	/** The table alternative (kit DataTable). */
	table: ComponentChildren;
	children: ComponentChildren;
};

export function ChartFrame({ title, summary, state, emptyText, headingLevel = 3, legend, table, children }: ChartFrameProps) {
	const id = useId();
	const Heading = headingLevel === 2 ? "h2" : "h3";
	if (state === "empty") {
		return (
			<div class="kit-chart kit-chart-empty">
				<EmptyState title={title} headingLevel={headingLevel}>
					{emptyText}
				</EmptyState>
			</div>
		);
	}
	return (
		<figure class="kit-chart" aria-labelledby={`${id}-title`} aria-describedby={`${id}-summary`} aria-busy={state === "loading"}>
			<figcaption class="kit-chart-caption">
				<Heading id={`${id}-title`} class="kit-chart-title">
					{title}
				</Heading>
				<p id={`${id}-summary`} class="kit-chart-summary">
					{state === "loading" ? "Loading…" : summary}
				</p>
			</figcaption>
			{state === "loading" ? (
				<Skeleton lines={4} />
			) : (
				<>
					{legend}
					{children}
					<details class="kit-chart-table">
						<summary>
							Show as table<span class="visually-hidden">: {title}</span>
						</summary>
						{table}
					</details>
				</>
			)}
		</figure>
	);
}
