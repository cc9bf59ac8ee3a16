/** Adding a booking type: name, kind, length and rules, which client tiers may book it and which team members host it. */
import { useSignal } from "@preact/signals";
import { BOOKING_KINDS } from "../../../../schema/bookings";
import { SERVICE_TIERS } from "../../../../schema/portal";
import { createBookingType, type StaffAvailability } from "../../models/booking-settings";
import type { BookingType } from "../../models/bookings";
import { CheckboxField } from "../form-kit/checkbox-field";
import { Form, SubmitButton } from "../form-kit/form";
import { SelectField } from "../form-kit/select-field";
import { Field } from "../form-kit/text-field";

const NUMBER_FIELDS = [
	{ id: "durationMinutes", apiName: "durationMinutes", label: "Length (minutes)", initial: "30" },
	{ id: "bufferMinutes", apiName: "bufferMinutes", label: "Buffer after (minutes)", initial: "0" },
	{ id: "minNoticeHours", apiName: "minNoticeMinutes", label: "Minimum notice (hours)", initial: "24" },
	{ id: "maxAdvanceDays", apiName: "maxAdvanceDays", label: "Bookable up to (days ahead)", initial: "30" },
	{ id: "cutoffHours", apiName: "changeCutoffMinutes", label: "Clients may change until (hours before)", initial: "24" },
] as const;

const KIND_OPTIONS = BOOKING_KINDS.map((k) => ({
	value: k,
	label: k === "kickoff" ? "Kickoff (completes onboarding)" : `${k[0]?.toUpperCase()}${k.slice(1)}`,
}));

export function BookingTypeForm({ team, added }: { team: StaffAvailability[]; added: (type: BookingType) => void }) {
	const name = useSignal("");
	const kind = useSignal<(typeof BOOKING_KINDS)[number]>("consultation");
	const numbers = useSignal<Record<string, string>>(Object.fromEntries(NUMBER_FIELDS.map((f) => [f.id, f.initial])));
	const tiers = useSignal<string[]>([...SERVICE_TIERS]);
	const hosts = useSignal<string[]>([]);
	const toggle = (list: string[], value: string) => (list.includes(value) ? list.filter((v) => v !== value) : [...list, value]);
	const send = () => {
		const n = (id: string) => Number(numbers.value[id]);
		return createBookingType({
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
	};
	return (
		<Form
			aria-labelledby="new-type-heading"
			send={send}
			check={() => ({ name: name.value.trim() ? undefined : "is required" })}
			onSuccess={(type) => {
				name.value = "";
				added(type);
			}}
		>
			<h3 id="new-type-heading">Add a booking type</h3>
			<Field id="type-name" name="name" label="Name" maxLength={120} value={name.value} onInput={(value) => (name.value = value)} />
			<SelectField
				id="type-kind"
				name="kind"
				label="Kind"
				value={kind.value}
				options={KIND_OPTIONS}
				onChange={(value) => (kind.value = value)}
			/>
			{NUMBER_FIELDS.map((f) => (
				<Field
					key={f.id}
					id={`type-${f.id}`}
					name={f.apiName}
					label={f.label}
					type="number"
					value={numbers.value[f.id] ?? ""}
					onInput={(value) => (numbers.value = { ...numbers.value, [f.id]: value })}
				/>
			))}
			<fieldset>
				<legend>Client tiers that may book it</legend>
				{SERVICE_TIERS.map((t) => (
					<CheckboxField
						key={t}
						id={`type-tier-${t}`}
						name={`tier-${t}`}
						label={t}
						checked={tiers.value.includes(t)}
						onChange={() => (tiers.value = toggle(tiers.value, t))}
					/>
				))}
			</fieldset>
			<fieldset>
				<legend>Who can be booked</legend>
				{team.map((m) => (
					<CheckboxField
						key={m.userId}
						id={`type-host-${m.userId}`}
						name={`host-${m.userId}`}
						label={`${m.name}${m.timeZone ? "" : " (no hours set yet)"}`}
						checked={hosts.value.includes(m.userId)}
						onChange={() => (hosts.value = toggle(hosts.value, m.userId))}
					/>
				))}
			</fieldset>
			<SubmitButton busyLabel="Adding…">Add booking type</SubmitButton>
		</Form>
	);
}
