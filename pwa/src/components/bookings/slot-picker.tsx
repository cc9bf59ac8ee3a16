/** Free slots of a booking type, grouped by the viewer's own dates; one is chosen with a pressed button. */
import type { Signal } from "@preact/signals";
import { formatCalendarDay, viewerTimeZone } from "../../lib/date-format";
import { slotDays } from "../../models/bookings";
import { Button } from "../kit/button";

export function SlotPicker({ chosen }: { chosen: Signal<number | null> }) {
	const days = slotDays.value;
	if (days === null) return <div class="skeleton skeleton-line" aria-hidden="true" />;
	if (days.length === 0) return <p>No free times in the coming week. Try another kind of call, or message your agency.</p>;
	return (
		<div class="slot-days">
			<p class="field-hint">Times are shown in your time zone ({viewerTimeZone()}).</p>
			{days.map((day) => (
				<fieldset key={day.date} class="slot-day">
					<legend>{formatCalendarDay(day.date)}</legend>
					<div class="slot-buttons">
						{day.slots.map((slot) => (
							<Button
								key={slot.startsAt}
								size="small"
								aria-pressed={chosen.value === slot.startsAt}
								onClick={() => (chosen.value = slot.startsAt)}
							>
								{slot.time}
							</Button>
						))}
					</div>
				</fieldset>
			))}
		</div>
	);
}
