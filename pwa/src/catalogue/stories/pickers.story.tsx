/** Date and time pickers: a local date, a local time, and an instant read in the person's zone. */
import { useSignal } from "@preact/signals";
import { DateField } from "../../components/form-kit/date-field";
import { DateTimeField } from "../../components/form-kit/date-time-field";
import { TimeField } from "../../components/form-kit/time-field";
import { Example } from "../example";
import { defineStory } from "../story";

/** 2026-03-14 09:30 UTC: a fixed moment, so the page is the same every day. */
const MOMENT = Date.UTC(2026, 2, 14, 9, 30);

function Pickers() {
	const due = useSignal("2026-03-14");
	const empty = useSignal("");
	const opens = useSignal("09:00");
	const starts = useSignal<number | null>(MOMENT);
	return (
		<>
			<Example title="Date (a local day)">
				<div class="catalogue-stack">
					<DateField id="pk-due" label="Due" value={due.value} onChange={(v) => (due.value = v)} />
					<DateField id="pk-from" label="From" hint="Leave empty for all time." value={empty.value} onChange={(v) => (empty.value = v)} />
				</div>
			</Example>
			<Example title="Time (a local time of day)">
				<div class="catalogue-stack">
					<TimeField id="pk-opens" label="Opens at" value={opens.value} onChange={(v) => (opens.value = v)} />
				</div>
			</Example>
			<Example title="Date and time (an instant in the person's zone)">
				<div class="catalogue-stack">
					<DateTimeField id="pk-starts" label="Starts" value={starts.value} onChange={(v) => (starts.value = v)} />
					<DateTimeField id="pk-ends" label="Ends" error="Ends must be after the start" value={MOMENT - 3_600_000} onChange={() => {}} />
				</div>
			</Example>
		</>
	);
}

export default defineStory({
	id: "pickers",
	title: "Date and time pickers",
	group: "Forms",
	sources: ["components/form-kit/date-field.tsx", "components/form-kit/time-field.tsx", "components/form-kit/date-time-field.tsx"],
	usage:
		"DateField holds a local day (YYYY-MM-DD), TimeField a local HH:mm, DateTimeField an instant (epoch ms) read as a wall-clock time in the person's profile zone, said below it.",
	example: `<DateTimeField id="event-start" name="startsAt" label="Starts" value={v.startsAt} onChange={(x) => draft.set("startsAt", x)} />`,
	render: () => <Pickers />,
});
