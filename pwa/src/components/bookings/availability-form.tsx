/**
 * One team member's availability: their time zone, one window per weekday, and dated exceptions
 * (a day off, or extra hours). Saved whole; the API names any bad field.
 */
import { useSignal } from "@preact/signals";
import { useEffect } from "preact/hooks";
import { viewerTimeZone } from "../../lib/date-format";
import { type AvailabilityInput, type StaffAvailability, saveAvailability } from "../../models/booking-settings";
import { FormAlert } from "../form-kit/form-alert";

const DAY_NAMES = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
type Day = { on: boolean; start: string; end: string };
type Exception = AvailabilityInput["exceptions"][number];

function daysOf(member: StaffAvailability): Day[] {
	return DAY_NAMES.map((_, i) => {
		const w = member.weekly.find((x) => x.weekday === i + 1);
		return w ? { on: true, start: w.start, end: w.end } : { on: false, start: "09:00", end: "17:00" };
	});
}

const TIME_ZONES: string[] = typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : [viewerTimeZone()];

export function AvailabilityForm({ member }: { member: StaffAvailability }) {
	const timeZone = useSignal(member.timeZone ?? viewerTimeZone());
	const days = useSignal<Day[]>(daysOf(member));
	const exceptions = useSignal<Exception[]>(member.exceptions);
	const newDate = useSignal("");
	const newStart = useSignal("");
	const newEnd = useSignal("");
	const failure = useSignal<string | null>(null);
	const status = useSignal("");
	useEffect(() => {
		timeZone.value = member.timeZone ?? viewerTimeZone();
		days.value = daysOf(member);
		exceptions.value = member.exceptions;
	}, [member.userId]);

	const setDay = (index: number, patch: Partial<Day>) => {
		days.value = days.value.map((d, i) => (i === index ? { ...d, ...patch } : d));
	};
	const addException = () => {
		if (!newDate.value) return;
		const windows = newStart.value && newEnd.value ? [{ start: newStart.value, end: newEnd.value }] : [];
		exceptions.value = [...exceptions.value.filter((e) => e.date !== newDate.value), { date: newDate.value, windows }].sort((a, b) =>
			a.date.localeCompare(b.date),
		);
		newDate.value = newStart.value = newEnd.value = "";
	};
	const submit = async (event: Event) => {
		event.preventDefault();
		const weekly = days.value.flatMap((d, i) => (d.on ? [{ weekday: i + 1, start: d.start, end: d.end }] : []));
		const result = await saveAvailability(member.userId, { timeZone: timeZone.value, weekly, exceptions: exceptions.value });
		if (!result.ok) {
			const [path, message] = Object.entries(result.problem.fields)[0] ?? [];
			const dayIndex = path?.startsWith("weekly.") ? weekly[Number(path.split(".")[1])]?.weekday : undefined;
			failure.value = path ? `${dayIndex ? DAY_NAMES[dayIndex - 1] : path}: ${message}` : result.problem.detail;
			status.value = "";
			return;
		}
		failure.value = null;
		status.value = "Availability saved.";
	};

	return (
		<form onSubmit={submit} noValidate aria-label={`Availability of ${member.name}`}>
			<FormAlert message={failure.value} />
			<div class="field">
				<label for="availability-zone">Time zone</label>
				<select id="availability-zone" value={timeZone.value} onChange={(e) => (timeZone.value = e.currentTarget.value)}>
					{TIME_ZONES.map((z) => (
						<option key={z} value={z}>
							{z}
						</option>
					))}
				</select>
			</div>
			<fieldset>
				<legend>Weekly hours</legend>
				{days.value.map((day, i) => (
					<div key={DAY_NAMES[i]} class="weekday-row">
						<label class="checkbox">
							<input type="checkbox" checked={day.on} onChange={(e) => setDay(i, { on: e.currentTarget.checked })} />
							{DAY_NAMES[i]}
						</label>
						<label for={`day-${i}-start`} class="visually-hidden">{`${DAY_NAMES[i]} from`}</label>
						<input
							id={`day-${i}-start`}
							type="time"
							value={day.start}
							disabled={!day.on}
							onInput={(e) => setDay(i, { start: e.currentTarget.value })}
						/>
						<span aria-hidden="true">–</span>
						<label for={`day-${i}-end`} class="visually-hidden">{`${DAY_NAMES[i]} until`}</label>
						<input
							id={`day-${i}-end`}
							type="time"
							value={day.end}
							disabled={!day.on}
							onInput={(e) => setDay(i, { end: e.currentTarget.value })}
						/>
					</div>
				))}
			</fieldset>
			<fieldset>
				<legend>Exceptions</legend>
				<ul>
					{exceptions.value.map((e) => (
						<li key={e.date}>
							{e.date}: {e.windows.length === 0 ? "day off" : `extra hours ${e.windows.map((w) => `${w.start}–${w.end}`).join(", ")}`}{" "}
							<button
								type="button"
								class="button secondary small"
								onClick={() => (exceptions.value = exceptions.value.filter((x) => x.date !== e.date))}
							>
								Remove {e.date}
							</button>
						</li>
					))}
				</ul>
				<div class="weekday-row">
					<label for="exception-date">Date</label>
					<input id="exception-date" type="date" value={newDate.value} onInput={(e) => (newDate.value = e.currentTarget.value)} />
					<label for="exception-start">Extra from</label>
					<input id="exception-start" type="time" value={newStart.value} onInput={(e) => (newStart.value = e.currentTarget.value)} />
					<label for="exception-end">until</label>
					<input id="exception-end" type="time" value={newEnd.value} onInput={(e) => (newEnd.value = e.currentTarget.value)} />
					<button type="button" class="button secondary small" onClick={addException}>
						Add exception
					</button>
				</div>
				<p class="field-hint">Leave the times empty for a day off.</p>
			</fieldset>
			<button type="submit" class="button primary">
				Save availability
			</button>
			<p role="status">{status.value}</p>
		</form>
	);
}
