/** The shape of the app frame while the session loads: header, navigation and page placeholders, no spinner. */
export function FrameSkeleton() {
	return (
		<div class="skeleton-frame">
			<p role="status" class="visually-hidden">
				Loading…
			</p>
			<div class="skeleton-header" aria-hidden="true">
				<div class="skeleton skeleton-brand" />
			</div>
			<div class="skeleton-body" aria-hidden="true">
				<div class="skeleton-nav">
					<div class="skeleton skeleton-link" />
					<div class="skeleton skeleton-link" />
					<div class="skeleton skeleton-link" />
					<div class="skeleton skeleton-link" />
				</div>
				<div class="skeleton-page">
					<div class="skeleton skeleton-title" />
					<div class="skeleton skeleton-line" />
					<div class="skeleton skeleton-line short" />
					<div class="skeleton skeleton-card" />
				</div>
			</div>
		</div>
	);
}

/** A few placeholder lines inside a card while its data loads. */
export function Skeleton() {
	return (
		<div>
			<p role="status" class="visually-hidden">
				Loading…
			</p>
			<div aria-hidden="true">
				<div class="skeleton skeleton-line" />
				<div class="skeleton skeleton-line short" />
			</div>
		</div>
	);
}
