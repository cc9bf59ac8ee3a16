/**
 * The form-level message of a failed submission. The live region stays in the page and only its
 * text changes, so screen readers announce every new message.
 */
export function FormAlert({ message }: { message: string | null }) {
	return (
		<div role="alert" class="form-alert">
			{message}
		</div>
	);
}
