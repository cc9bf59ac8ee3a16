/**
 * Skeletons: grey shapes where content is about to appear, instead of a spinner (the shimmer stops
 * for reduced motion). FrameSkeleton is the whole app frame while the session loads; Skeleton is a
 * few lines inside a card. Each announces "Loading…" once to screen readers.
 *
 *   {list === null ? <Skeleton lines={3} /> : <List items={list} />}
 */
import "./skeleton.css";

/**
 * The shape of the app frame while the session loads, as the frame draws itself: the compact header
 * (brand, account), a sidebar of areas from 768 px, a bottom tab bar below it; no spinner.
 */
export function FrameSkeleton() {
	return (
		<div class="skeleton-frame">
			<p role="status" class="visually-hidden">
				Loading…
			</p>
			<div class="skeleton-header" aria-hidden="true">
				<div class="skeleton skeleton-brand" />
				<div class="skeleton skeleton-avatar" />
			</div>
			<div class="skeleton-body" aria-hidden="true">
				<div class="skeleton-sidebar">
					{Array.from({ length: 6 }, (_, i) => (
						<div key={i} class="skeleton skeleton-link" />
					))}
				</div>
				<div class="skeleton-page">
					<div class="skeleton skeleton-title" />
					<div class="skeleton skeleton-line" />
					<div class="skeleton skeleton-line short" />
					<div class="skeleton skeleton-card" />
				</div>
			</div>
			<div class="skeleton-tab-bar" aria-hidden="true">
				{Array.from({ length: 5 }, (_, i) => (
					<div key={i} class="skeleton skeleton-tab" />
				))}
			</div>
		</div>
	);
}

/** A few placeholder lines inside a card while its data loads (the last one shorter). */
export function Skeleton({ lines = 2 }: { lines?: number }) {
	return (
		<div>
			<p role="status" class="visually-hidden">
				Loading…
			</p>
			<div aria-hidden="true">
				{Array.from({ length: lines }, (_, i) => (
					<div key={i} class={i === lines - 1 && lines > 1 ? "skeleton skeleton-line short" : "skeleton skeleton-line"} />
				))}
			</div>
		</div>
	);
}
