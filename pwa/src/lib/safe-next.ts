/** Where to go after sign-in: only a same-origin path, never another site (no open redirect). */
export function safeNext(next: string | undefined): string {
	if (!next?.startsWith("/")) return "/";
	if (next.startsWith("//") || next.startsWith("/\\")) return "/";
	return next;
}
