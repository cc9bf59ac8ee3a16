/** Bookings on the start pages: the agency's next calls (with client and time) and a client's next call. */
import type { ClientDashboardT, StaffDashboardT } from "../../../schema/dto/portal";
import { formatWhen } from "../lib/date-format";

type Booking = NonNullable<ClientDashboardT["nextBooking"]>;
type Upcoming = NonNullable<StaffDashboardT["upcomingBookings"]>;

function when(b: Booking) {
	return <time dateTime={new Date(b.startsAt).toISOString()}>{formatWhen(b.startsAt)}</time>;
}

export function UpcomingBookings({ bookings }: { bookings: Upcoming }) {
	return (
		<section class="card" aria-labelledby="upcoming-bookings-heading">
			<h2 id="upcoming-bookings-heading">Upcoming bookings</h2>
			{bookings.length === 0 ? (
				<p>No calls booked.</p>
			) : (
				<ul class="record-list">
					{bookings.map((b) => (
						<li key={b.id} class="record record-stacked">
							<span class="record-title">
								{b.clientName} · {when(b)}
							</span>
							<span class="record-meta">
								{b.typeName} with {b.hostName}
							</span>
						</li>
					))}
				</ul>
			)}
			<a href="/bookings">All bookings</a>
		</section>
	);
}

export function NextBooking({ booking }: { booking: Booking | null }) {
	return (
		<section class="card" aria-labelledby="next-booking-heading">
			<h2 id="next-booking-heading">Your next call</h2>
			{booking ? (
				<p>
					{when(booking)} — {booking.typeName} with {booking.hostName}
				</p>
			) : (
				<p>Nothing booked.</p>
			)}
			<a href="/bookings">{booking ? "Your bookings" : "Book a call"}</a>
		</section>
	);
}
