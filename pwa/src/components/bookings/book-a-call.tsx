/**
 * "Book a call" for a client: pick a kind of call, see its free times in your own time zone, book
 * one. With `moving` set it moves that booking to the chosen time instead.
 */
import { type Signal, useSignal } from "@preact/signals";
import { useEffect } from "preact/hooks";
import type { Result } from "../../api/request";
import { formatWhen } from "../../lib/date-format";
import { type Booking, bookingTypes, bookSlot, loadSlots, rescheduleBooking } from "../../models/bookings";
import { Form, SubmitButton } from "../form-kit/form";
import { RadioGroup } from "../form-kit/radio-group";
import { TextAreaField } from "../form-kit/textarea-field";
import { Button } from "../kit/button";
import { SlotPicker } from "./slot-picker";

/** A refusal made here, before anything is sent. */
const LOCAL_PROBLEM = { status: 0, title: "Not sent", detail: "", fields: {}, retryAfterSeconds: null };

export function BookACall({ moving }: { moving: Signal<Booking | null> }) {
	const typeId = useSignal("");
	const chosen = useSignal<number | null>(null);
	const note = useSignal("");
	const status = useSignal("");
	const types = bookingTypes.value;

	useEffect(() => {
		if (moving.value) typeId.value = moving.value.bookingTypeId;
	}, [moving.value]);
	useEffect(() => {
		chosen.value = null;
		if (typeId.value) void loadSlots(typeId.value);
	}, [typeId.value]);

	const send = async (): Promise<Result<Booking>> => {
		status.value = "";
		if (!typeId.value || chosen.value === null) return { ok: false, problem: { ...LOCAL_PROBLEM, detail: "Choose a time first." } };
		const result = moving.value
			? await rescheduleBooking(moving.value.id, chosen.value)
			: await bookSlot(typeId.value, chosen.value, note.value.trim());
		// Taken meanwhile or refused: the free times are fetched again either way.
		void loadSlots(typeId.value);
		return result;
	};
	const booked = (booking: Booking) => {
		status.value = `${moving.value ? "Moved" : "Booked"}: ${booking.typeName} on ${formatWhen(booking.startsAt)}. We emailed you an invitation.`;
		moving.value = null;
		note.value = "";
	};

	if (types === null) return <div class="skeleton skeleton-line" aria-hidden="true" />;
	if (types.length === 0) return <p>Your agency has no calls to book for your plan yet.</p>;
	return (
		<Form class="card" aria-labelledby="book-heading" send={send} onSuccess={booked}>
			<h2 id="book-heading">{moving.value ? `Move your ${moving.value.typeName}` : "Book a call"}</h2>
			{!moving.value && (
				<RadioGroup
					id="booking-type"
					name="bookingTypeId"
					label="What would you like to book?"
					value={typeId.value}
					options={types.map((t) => ({ value: t.id, label: `${t.name} · ${t.durationMinutes} min` }))}
					onChange={(value) => (typeId.value = value)}
				/>
			)}
			{typeId.value && <SlotPicker chosen={chosen} />}
			{typeId.value && !moving.value && (
				<TextAreaField
					id="booking-note"
					name="note"
					label="What would you like to talk about? (optional)"
					required={false}
					maxLength={1000}
					value={note.value}
					onInput={(value) => (note.value = value)}
				/>
			)}
			<div class="button-row">
				<SubmitButton block={false} busyLabel={moving.value ? "Moving…" : "Booking…"}>
					{moving.value ? "Move to this time" : "Book this time"}
				</SubmitButton>
				{moving.value && <Button onClick={() => (moving.value = null)}>Keep the current time</Button>}
			</div>
			<p role="status">{status.value}</p>
		</Form>
	);
}
