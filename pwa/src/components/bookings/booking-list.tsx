/** Bookings as a list: when (in the viewer's zone), what, with whom, and move or cancel (with a reason) while allowed. */
import { type Signal, useSignal } from "@preact/signals";
import { formatWhen } from "../../lib/date-format";
import { type Booking, bookingList, cancelBooking } from "../../models/bookings";
import { isStaff } from "../../models/session";
import { Form, SubmitButton } from "../form-kit/form";
import { Field } from "../form-kit/text-field";
import { Button } from "../kit/button";

function CancelForm({ booking, done }: { booking: Booking; done: () => void }) {
	const reason = useSignal("");
	return (
		<Form
			class="inline-form"
			aria-label={`Cancel the booking on ${formatWhen(booking.startsAt)}`}
			check={() => ({ reason: reason.value.trim() ? undefined : "Say why you are cancelling." })}
			send={() => cancelBooking(booking.id, reason.value.trim())}
			onSuccess={done}
		>
			<Field
				id={`cancel-reason-${booking.id}`}
				name="reason"
				label="Why are you cancelling?"
				maxLength={500}
				value={reason.value}
				onInput={(value) => (reason.value = value)}
			/>
			<SubmitButton block={false} busyLabel="Cancelling…">
				Cancel booking
			</SubmitButton>
		</Form>
	);
}

function BookingItem({ booking, moving }: { booking: Booking; moving?: Signal<Booking | null> }) {
	const cancelling = useSignal(false);
	const changeable =
		booking.status === "confirmed" && booking.endsAt > Date.now() && (isStaff.value || Date.now() < booking.changeableUntil);
	const withWhom = isStaff.value ? `${booking.clientName} · with ${booking.hostName}` : `with ${booking.hostName}`;
	return (
		<li class="booking-item">
			<p>
				<strong>{formatWhen(booking.startsAt)}</strong> — {booking.typeName}, {withWhom}
				{booking.status === "cancelled" && (
					<span class="status-badge"> Cancelled{booking.cancelReason ? `: ${booking.cancelReason}` : ""}</span>
				)}
			</p>
			{booking.note && <p class="field-hint">{booking.note}</p>}
			{changeable && (
				<div class="button-row">
					{moving && (
						<Button size="small" onClick={() => (moving.value = booking)}>
							Move
						</Button>
					)}
					<Button size="small" aria-expanded={cancelling.value} onClick={() => (cancelling.value = !cancelling.value)}>
						Cancel…
					</Button>
				</div>
			)}
			{booking.status === "confirmed" && !changeable && booking.endsAt > Date.now() && (
				<p class="field-hint">Too close to the start to change here: message your agency.</p>
			)}
			{cancelling.value && <CancelForm booking={booking} done={() => (cancelling.value = false)} />}
		</li>
	);
}

export function BookingList({ moving, empty }: { moving?: Signal<Booking | null>; empty: string }) {
	const list = bookingList.value;
	if (list === null) return <div class="skeleton skeleton-line" aria-hidden="true" />;
	if (list.length === 0) return <p>{empty}</p>;
	return (
		<ul class="record-list booking-list">
			{list.map((b) => (
				<BookingItem key={b.id} booking={b} moving={moving} />
			))}
		</ul>
	);
}
