/** Settings → Bookings: the kinds of call clients may book and each team member's hours. */
import { useSignal } from "@preact/signals";
import { useEffect } from "preact/hooks";
import { AvailabilityForm } from "../../components/bookings/availability-form";
import { BookingTypeForm } from "../../components/bookings/booking-type-form";
import { SelectField } from "../../components/form-kit/select-field";
import { loadTeamAvailability, setBookingTypeActive, team } from "../../models/booking-settings";
import { bookingTypes, loadBookingTypes } from "../../models/bookings";
import { me } from "../../models/session";
import { SettingsPage } from "./settings-page";

export default function BookingSettings() {
	const memberId = useSignal<string>("");
	useEffect(() => {
		void loadTeamAvailability();
		void loadBookingTypes();
	}, []);
	const members = team.value;
	const selectedId = memberId.value || me.value?.user.id || "";
	const member = members?.find((m) => m.userId === selectedId) ?? members?.[0];
	const types = bookingTypes.value;
	const toggleActive = async (id: string, active: boolean) => {
		const result = await setBookingTypeActive(id, active);
		if (result.ok) bookingTypes.value = (bookingTypes.value ?? []).map((t) => (t.id === id ? result.value : t));
	};
	return (
		<SettingsPage path="/settings/bookings">
			<section class="card" aria-labelledby="types-heading">
				<h2 id="types-heading">Booking types</h2>
				{types === null ? (
					<div class="skeleton skeleton-line" aria-hidden="true" />
				) : types.length === 0 ? (
					<p>No booking types yet: add one below so clients can book calls.</p>
				) : (
					<ul>
						{types.map((t) => (
							<li key={t.id}>
								<strong>{t.name}</strong> · {t.durationMinutes} min · {t.tiers.join(", ")} {t.active ? "" : "(retired)"}{" "}
								<button type="button" class="button secondary small" onClick={() => void toggleActive(t.id, !t.active)}>
									{t.active ? `Retire ${t.name}` : `Offer ${t.name} again`}
								</button>
							</li>
						))}
					</ul>
				)}
				{members && <BookingTypeForm team={members} added={(t) => (bookingTypes.value = [...(bookingTypes.value ?? []), t])} />}
			</section>
			<section class="card" aria-labelledby="hours-heading">
				<h2 id="hours-heading">Hours</h2>
				{members === null ? (
					<div class="skeleton skeleton-line" aria-hidden="true" />
				) : (
					<>
						<SelectField
							id="hours-member"
							label="Team member"
							value={member?.userId ?? ""}
							options={members.map((m) => ({ value: m.userId, label: m.name }))}
							onChange={(value) => {
								memberId.value = value;
							}}
						/>
						{member && <AvailabilityForm key={member.userId} member={member} />}
					</>
				)}
			</section>
		</SettingsPage>
	);
}
