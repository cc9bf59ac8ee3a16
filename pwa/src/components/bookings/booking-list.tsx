/** Bookings as a list: when (in the viewer's zone), what, with whom, and move or cancel (with a reason) while allowed. */
import { type Signal, useSignal } from "@preact/signals";
import { formatWhen } from "../../lib/date-format";
import { type Booking, bookingList, cancelBooking } from "../../models/bookings";
import { isStaff } from "../../models/session";
import { FormAlert } from "../form-kit/form-alert";

function CancelForm({ booking, done }: { booking: Booking; done: () => void }) {
	const reason = useSignal("");
	const failure = useSignal<string | null>(null);
	const submit = async (event: Event) => {
		event.preventDefault();
		const result = await cancelBooking(booking.id, reason.value.trim());
		if (!result.ok) {
			failure.value = result.problem.fields.reason ? `Reason ${result.problem.fields.reason}` : result.problem.detail;
			return;
		}
		done();
	};
	const id = `cancel-reason-${booking.id}`;
	return (
		<form onSubmit={submit} noValidate class="inline-form">
			<FormAlert message={failure.value} />
			<div class="field">
				<label for={id}>Why are you cancelling?</label>
				<input id={id} value={reason.value} maxLength={500} required onInput={(e) => (reason.value = e.currentTarget.value)} />
			</div>
			<button type="submit" class="button primary small">
				Cancel booking
			</button>
		</form>
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
						<button type="button" class="button secondary small" onClick={() => (moving.value = booking)}>
							Move
						</button>
					)}
					<button
						type="button"
						class="button secondary small"
						aria-expanded={cancelling.value}
						onClick={() => (cancelling.value = !cancelling.value)}
					>
						Cancel…
					</button>
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
