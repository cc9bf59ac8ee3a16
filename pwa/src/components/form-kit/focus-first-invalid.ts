/** After a failed submission, puts the keyboard on the first field that needs fixing (or on `fallback`, by id). */
export function focusFirstInvalid(form: HTMLFormElement | null, fallback?: string): void {
	// Wait for the render that marks the fields invalid.
	requestAnimationFrame(() => {
		const target = form?.querySelector<HTMLInputElement>('[aria-invalid="true"]') ?? (fallback ? document.getElementById(fallback) : null);
		target?.focus();
	});
}
