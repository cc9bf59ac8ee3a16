/** The form-level message of a failed submission, announced to screen readers. */
export function FormAlert({ message }: { message: string | null }) {
	if (!message) return null;
	return (
		<div role="alert" class="form-alert">
			{message}
		</div>
	);
}
