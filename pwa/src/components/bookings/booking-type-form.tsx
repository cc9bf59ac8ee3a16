/** Adding a booking type: name, kind, length and rules, which client tiers may book it and which team members host it. */
import { useSignal } from "@preact/signals";
import { BOOKING_KINDS } from "../../../../schema/bookings";
import { SERVICE_TIERS } from "../../../../schema/portal";
import { createBookingType, type StaffAvailability } from "../../models/booking-settings";
import type { BookingType } from "../../models/bookings";
import { FormAlert } from "../form-kit/form-alert";

const NUMBER_FIELDS = [
	{ id: "durationMinutes", label: "Length (minutes)", initial: "30" },
	{ id: "bufferMinutes", label: "Buffer after (minutes)", initial: "0" },
	{ id: "minNoticeHours", label: "Minimum notice (hours)", initial: "24" },
	{ id: "maxAdvanceDays", label: "Bookable up to (days ahead)", initial: "30" },
	{ id: "cutoffHours", label: "Clients may change until (hours before)", initial: "24" },
] as const;

export function BookingTypeForm({ team, added }: { team: StaffAvailability[]; added: (type: BookingType) => void }) {
	const name = useSignal("");
	const kind = useSignal<(typeof BOOKING_KINDS)[number]>("consultation");
	const numbers = useSignal<Record<string, string>>(Object.fromEntries(NUMBER_FIELDS.map((f) => [f.id, f.initial])));
	const tiers = useSignal<string[]>([...SERVICE_TIERS]);
	const hosts = useSignal<string[]>([]);
	const failure = useSignal<string | null>(null);
	const toggle = (list: string[], value: string) => (list.includes(value) ? list.filter((v) => v !== value) : [...list, value]);
	const submit = async (event: Event) => {
		event.preventDefault();
		const n = (id: string) => Number(numbers.value[id]);
		const result = await createBookingType({
			name: name.value.trim(),
			kind: kind.value,
			durationMinutes: n("durationMinutes"),
			bufferMinutes: n("bufferMinutes"),
			minNoticeMinutes: Math.round(n("minNoticeHours") * 60),
			maxAdvanceDays: n("maxAdvanceDays"),
			changeCutoffMinutes: Math.round(n("cutoffHours") * 60),
			tiers: tiers.value as (typeof SERVICE_TIERS)[number][],
			hostUserIds: hosts.value,
		});
		if (!result.ok) {
			const [path, message] = Object.entries(result.problem.fields)[0] ?? [];
			failure.value = path ? `${path}: ${message}` : result.problem.detail;
			return;
		}
		failure.value = null;
		name.value = "";
		added(result.value);
	};
	return (
		<form onSubmit={submit} noValidate aria-labelledby="new-type-heading">
			<h3 id="new-type-heading">Add a booking type</h3>
			<FormAlert message={failure.value} />
			<div class="field">
				<label for="type-name">Name</label>
				<input id="type-name" value={name.value} maxLength={120} required onInput={(e) => (name.value = e.currentTarget.value)} />
			</div>
			<div class="field">
				<label for="type-kind">Kind</label>
				<select id="type-kind" value={kind.value} onChange={(e) => (kind.value = e.currentTarget.value as typeof kind.value)}>
					{BOOKING_KINDS.map((k) => (
						<option key={k} value={k}>
							{k === "kickoff" ? "Kickoff (completes onboarding)" : k[0]?.toUpperCase() + k.slice(1)}
						</option>
					))}
				</select>
			</div>
			{NUMBER_FIELDS.map((f) => (
				<div class="field" key={f.id}>
					<label for={`type-${f.id}`}>{f.label}</label>
					<input
						id={`type-${f.id}`}
						type="number"
						min="0"
						value={numbers.value[f.id]}
						onInput={(e) => (numbers.value = { ...numbers.value, [f.id]: e.currentTarget.value })}
					/>
				</div>
			))}
			<fieldset>
				<legend>Client tiers that may book it</legend>
				{SERVICE_TIERS.map((t) => (
					<label key={t} class="checkbox">
						<input type="checkbox" checked={tiers.value.includes(t)} onChange={() => (tiers.value = toggle(tiers.value, t))} />
						{t}
					</label>
				))}
			</fieldset>
			<fieldset>
				<legend>Who can be booked</legend>
				{team.map((m) => (
					<label key={m.userId} class="checkbox">
						<input
							type="checkbox"
							checked={hosts.value.includes(m.userId)}
							onChange={() => (hosts.value = toggle(hosts.value, m.userId))}
						/>
						{m.name}
						{m.timeZone ? "" : " (no hours set yet)"}
					</label>
				))}
			</fieldset>
			<button type="submit" class="button primary">
				Add booking type
			</button>
		</form>
	);
}
