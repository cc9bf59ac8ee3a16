/**
 * A funnel: steps in order with their counts, each bar as wide as its share of the first step, and
 * under each step after the first its step-to-step conversion and its share of the first. Every
 * number is written beside its bar (no colour needed to read it), the list is ordered for screen
 * readers, and the table holds the same numbers. Loaded lazily through ./index.ts.
 *
 *   <FunnelChart title="Onboarding" steps={[{ label: "Started", count: 12 }, { label: "Completed", count: 5 }]} emptyText="…" />
 */
import { DataTable } from "../data-table";
import { chartLocale, fullNumber, type NumberWriter } from "./chart-format";
import { ChartFrame } from "./chart-frame";
import { type FunnelStepInput, formatShare, funnelSteps } from "./funnel-maths";
import { describeFunnel } from "./summaries";

export type FunnelChartProps = {
	title: string;
	/** The steps in order; null while loading. */
	steps: readonly FunnelStepInput[] | null;
	format?: NumberWriter;
	emptyText: string;
	summary?: string;
	headingLevel?: 2 | 3;
};

export function FunnelChartView({ title, steps, format: given, emptyText, summary, headingLevel }: FunnelChartProps) {
	const locale = chartLocale();
	const format = given ?? fullNumber(locale);
	const computed = funnelSteps(steps ?? []);
	const widest = Math.max(1, ...computed.map((s) => s.count));
	const state = steps === null ? "loading" : computed.length === 0 || computed.every((s) => s.count === 0) ? "empty" : "ready";
	return (
		<ChartFrame
			title={title}
			headingLevel={headingLevel}
			state={state}
			emptyText={emptyText}
			summary={summary ?? describeFunnel(computed, format, locale)}
			table={
				<DataTable
					caption={title}
					rows={computed}
					rowKey={(step) => step.label}
					empty={emptyText}
					columns={[
						{ key: "step", header: "Step", rowHeader: true, cell: (step) => step.label },
						{ key: "count", header: "Count", cell: (step) => format(step.count) },
						{ key: "previous", header: "Of the step before", cell: (step) => formatShare(step.ofPrevious, locale) },
						{ key: "first", header: "Of the first step", cell: (step) => formatShare(step.ofFirst, locale) },
					]}
				/>
			}
		>
			<ol class="kit-chart-funnel">
				{computed.map((step, i) => (
					<li key={step.label} class="kit-chart-funnel-step">
						<span class="kit-chart-funnel-label">
							<span>{step.label}</span>
							<strong>{format(step.count)}</strong>
						</span>
						<span class="kit-chart-funnel-track" aria-hidden="true">
							<span class="kit-chart-funnel-bar" style={{ width: `${(step.count / widest) * 100}%` }} />
						</span>
						{i > 0 && (
							<span class="kit-chart-funnel-rate">
								{formatShare(step.ofPrevious, locale)} of the step before · {formatShare(step.ofFirst, locale)} of the first
							</span>
						)}
					</li>
				))}
			</ol>
		</ChartFrame>
	);
}
