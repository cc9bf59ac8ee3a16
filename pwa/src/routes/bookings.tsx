/** Bookings: the agency sees every upcoming or past booking; a client books a call and sees, moves or cancels theirs. */
import { useSignal } from "@preact/signals";
import { useEffect } from "preact/hooks";
import { BookACall } from "../components/bookings/book-a-call";
import { BookingList } from "../components/bookings/booking-list";
import { FormAlert } from "../components/form-kit/form-alert";
import { useDocumentTitle } from "../components/use-document-title";
import { type Booking, bookingsProblem, listWhen, loadBookings, loadBookingTypes } from "../models/bookings";
import { can, isStaff } from "../models/session";
import NotFound from "./not-found";

function WhenSwitch() {
	return (
		<fieldset class="button-row bare-fieldset">
			<legend class="visually-hidden">Which bookings</legend>
			{(["upcoming", "past"] as const).map((when) => (
				<button
					key={when}
					type="button"
					class="button secondary small"
					aria-pressed={listWhen.value === when}
					onClick={() => void loadBookings(when)}
				>
					{when === "upcoming" ? "Upcoming" : "Past"}
				</button>
			))}
		</fieldset>
	);
}

export default function Bookings() {
	const staff = isStaff.value;
	useDocumentTitle(staff ? "Bookings" : "Book a call");
	const moving = useSignal<Booking | null>(null);
	useEffect(() => {
		void loadBookings("upcoming");
		if (!staff) void loadBookingTypes();
	}, [staff]);
	if (!can("bookings:read")) return <NotFound />;
	return (
		<>
			<h1>{staff ? "Bookings" : "Book a call"}</h1>
			<FormAlert message={bookingsProblem.value?.detail ?? null} />
			{!staff && can("bookings:book") && <BookACall moving={moving} />}
			<section class="card" aria-labelledby="bookings-heading">
				<h2 id="bookings-heading">{staff ? "Calls with your clients" : "Your bookings"}</h2>
				<WhenSwitch />
				<BookingList moving={staff ? undefined : moving} empty={listWhen.value === "upcoming" ? "No upcoming calls." : "No past calls."} />
			</section>
		</>
	);
}
