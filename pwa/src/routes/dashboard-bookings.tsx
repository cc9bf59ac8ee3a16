/** Bookings on the start pages: the agency's next calls (with client and time) and a client's next call. */
import type { ClientDashboardT, StaffDashboardT } from "../../../schema/dto/portal";

type Booking = NonNullable<ClientDashboardT["nextBooking"]>;
type Upcoming = NonNullable<StaffDashboardT["upcomingBookings"]>;

/** In the viewer's own time zone, with the weekday: "Tue, 24 Nov, 10:30". Made on first use, not as the start page loads. */
let whenFormat: Intl.DateTimeFormat | null = null;

/** Makes the formatter now (the start page calls it when idle, while its data is on the way). */
export function prepareBookingTimeFormat(): Intl.DateTimeFormat {
	whenFormat ??= new Intl.DateTimeFormat(undefined, {
		weekday: "short",
		day: "numeric",
		month: "short",
		hour: "2-digit",
		minute: "2-digit",
	});
	return whenFormat;
}

function when(b: Booking) {
	return <time dateTime={new Date(b.startsAt).toISOString()}>{prepareBookingTimeFormat().format(b.startsAt)}</time>;
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
