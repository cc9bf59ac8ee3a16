/**
 * One team member's availability: their time zone, one window per weekday, and dated exceptions
 * (a day off, or extra hours). Saved whole; the API names any bad field.
 */
import { useSignal } from "@preact/signals";
import { useEffect } from "preact/hooks";
import type { Result } from "../../api/request";
import { viewerTimeZone } from "../../lib/date-format";
import { type AvailabilityInput, type StaffAvailability, saveAvailability } from "../../models/booking-settings";
import { CheckboxField } from "../form-kit/checkbox-field";
import { Combobox } from "../form-kit/combobox";
import { DateField } from "../form-kit/date-field";
import { Form, SubmitButton } from "../form-kit/form";
import { TimeField } from "../form-kit/time-field";
import { Button } from "../kit/button";

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
const ZONE_OPTIONS = TIME_ZONES.map((zone) => ({ value: zone, label: zone }));

export function AvailabilityForm({ member }: { member: StaffAvailability }) {
	const timeZone = useSignal(member.timeZone ?? viewerTimeZone());
	const days = useSignal<Day[]>(daysOf(member));
	const exceptions = useSignal<Exception[]>(member.exceptions);
	const newDate = useSignal("");
	const newStart = useSignal("");
	const newEnd = useSignal("");
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
	const send = async (): Promise<Result<unknown>> => {
		status.value = "";
		const weekly = days.value.flatMap((d, i) => (d.on ? [{ weekday: i + 1, start: d.start, end: d.end }] : []));
		const result = await saveAvailability(member.userId, { timeZone: timeZone.value, weekly, exceptions: exceptions.value });
		if (result.ok) return result;
		// The API counts only the days that are on (weekly.N); the fields are per weekday.
		const fields = Object.fromEntries(
			Object.entries(result.problem.fields).map(([path, message]) => {
				const [, index, part] = /^weekly\.(\d+)(?:\.(start|end))?/.exec(path) ?? [];
				const weekday = index === undefined ? undefined : weekly[Number(index)]?.weekday;
				return [weekday === undefined ? path : `days.${weekday - 1}.${part ?? "end"}`, message];
			}),
		);
		return { ok: false, problem: { ...result.problem, fields } };
	};

	return (
		<Form aria-label={`Availability of ${member.name}`} send={send} onSuccess={() => (status.value = "Availability saved.")}>
			<Combobox
				id="availability-zone"
				name="timeZone"
				label="Time zone"
				value={timeZone.value}
				options={ZONE_OPTIONS}
				onChange={(value) => (timeZone.value = value)}
			/>
			<fieldset>
				<legend>Weekly hours</legend>
				{days.value.map((day, i) => (
					<div key={DAY_NAMES[i]} class="weekday-row">
						<CheckboxField
							id={`day-${i}-on`}
							name={`days.${i}.on`}
							label={DAY_NAMES[i] ?? ""}
							checked={day.on}
							onChange={(on) => setDay(i, { on })}
						/>
						<TimeField
							id={`day-${i}-start`}
							name={`days.${i}.start`}
							label={`${DAY_NAMES[i]} from`}
							labelHidden
							value={day.start}
							disabled={!day.on}
							onChange={(start) => setDay(i, { start })}
						/>
						<span aria-hidden="true">–</span>
						<TimeField
							id={`day-${i}-end`}
							name={`days.${i}.end`}
							label={`${DAY_NAMES[i]} until`}
							labelHidden
							value={day.end}
							disabled={!day.on}
							onChange={(end) => setDay(i, { end })}
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
							<Button size="small" onClick={() => (exceptions.value = exceptions.value.filter((x) => x.date !== e.date))}>
								Remove {e.date}
							</Button>
						</li>
					))}
				</ul>
				<div class="weekday-row">
					<DateField
						id="exception-date"
						name="exception-date"
						label="Date"
						value={newDate.value}
						onChange={(value) => (newDate.value = value)}
					/>
					<TimeField
						id="exception-start"
						name="exception-start"
						label="Extra from"
						value={newStart.value}
						onChange={(value) => (newStart.value = value)}
					/>
					<TimeField
						id="exception-end"
						name="exception-end"
						label="until"
						value={newEnd.value}
						onChange={(value) => (newEnd.value = value)}
					/>
					<Button size="small" onClick={addException}>
						Add exception
					</Button>
				</div>
				<p class="field-hint">Leave the times empty for a day off.</p>
			</fieldset>
			<SubmitButton busyLabel="Saving…">Save availability</SubmitButton>
			<p role="status">{status.value}</p>
		</Form>
	);
}
