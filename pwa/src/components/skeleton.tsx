/** Placeholder shapes while the app frame loads: no spinner, no layout jump. */
export function FrameSkeleton() {
	return (
		<div class="skeleton-frame" role="status" aria-busy="true" aria-label="Loading">
			<div class="skeleton skeleton-bar" />
			<div class="skeleton skeleton-title" />
			<div class="skeleton skeleton-line" />
			<div class="skeleton skeleton-line short" />
		</div>
	);
}
