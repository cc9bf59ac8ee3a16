/** A short status word in a pill; the text carries the meaning, the colour only repeats it. */
export function StatusBadge({ status, label }: { status: string; label: string }) {
	return <span class={`badge badge-${status}`}>{label}</span>;
}
