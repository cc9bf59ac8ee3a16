/**
 * "Book a call" for a client: pick a kind of call, see its free times in your own time zone, book
 * one. With `moving` set it moves that booking to the chosen time instead.
 */
import { type Signal, useSignal } from "@preact/signals";
import { useEffect } from "preact/hooks";
import { formatWhen } from "../../lib/date-format";
import { type Booking, bookingTypes, bookSlot, loadSlots, rescheduleBooking } from "../../models/bookings";
import { FormAlert } from "../form-kit/form-alert";
import { SlotPicker } from "./slot-picker";

export function BookACall({ moving }: { moving: Signal<Booking | null> }) {
	const typeId = useSignal("");
	const chosen = useSignal<number | null>(null);
	const note = useSignal("");
	const failure = useSignal<string | null>(null);
	const status = useSignal("");
	const busy = useSignal(false);
	const types = bookingTypes.value;

	useEffect(() => {
		if (moving.value) typeId.value = moving.value.bookingTypeId;
	}, [moving.value]);
	useEffect(() => {
		chosen.value = null;
		if (typeId.value) void loadSlots(typeId.value);
	}, [typeId.value]);

	const submit = async (event: Event) => {
		event.preventDefault();
		if (!typeId.value || chosen.value === null) {
			failure.value = "Choose a time first.";
			return;
		}
		busy.value = true;
		const result = moving.value
			? await rescheduleBooking(moving.value.id, chosen.value)
			: await bookSlot(typeId.value, chosen.value, note.value.trim());
		busy.value = false;
		if (!result.ok) {
			failure.value = Object.values(result.problem.fields)[0] ?? result.problem.detail;
			void loadSlots(typeId.value);
			return;
		}
		failure.value = null;
		status.value = `${moving.value ? "Moved" : "Booked"}: ${result.value.typeName} on ${formatWhen(result.value.startsAt)}. We emailed you an invitation.`;
		moving.value = null;
		note.value = "";
		void loadSlots(typeId.value);
	};

	if (types === null) return <div class="skeleton skeleton-line" aria-hidden="true" />;
	if (types.length === 0) return <p>Your agency has no calls to book for your plan yet.</p>;
	return (
		<form class="card" onSubmit={submit} noValidate aria-labelledby="book-heading">
			<h2 id="book-heading">{moving.value ? `Move your ${moving.value.typeName}` : "Book a call"}</h2>
			<FormAlert message={failure.value} />
			{!moving.value && (
				<fieldset>
					<legend>What would you like to book?</legend>
					{types.map((t) => (
						<label key={t.id} class="checkbox">
							<input type="radio" name="booking-type" value={t.id} checked={typeId.value === t.id} onChange={() => (typeId.value = t.id)} />
							{t.name} · {t.durationMinutes} min
						</label>
					))}
				</fieldset>
			)}
			{typeId.value && <SlotPicker chosen={chosen} />}
			{typeId.value && !moving.value && (
				<div class="field">
					<label for="booking-note">What would you like to talk about? (optional)</label>
					<textarea id="booking-note" maxLength={1000} value={note.value} onInput={(e) => (note.value = e.currentTarget.value)} />
				</div>
			)}
			<div class="button-row">
				<button type="submit" class="button primary" aria-disabled={busy.value || chosen.value === null}>
					{moving.value ? "Move to this time" : "Book this time"}
				</button>
				{moving.value && (
					<button type="button" class="button secondary" onClick={() => (moving.value = null)}>
						Keep the current time
					</button>
				)}
			</div>
			<p role="status">{status.value}</p>
		</form>
	);
}
