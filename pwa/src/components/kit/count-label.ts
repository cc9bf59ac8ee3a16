/** The text of a count badge: "99+" above `max`, nothing at all for zero or less. */
export function countLabel(count: number, max = 99): string | null {
	if (count <= 0) return null;
	return count > max ? `${max}+` : String(count);
}
