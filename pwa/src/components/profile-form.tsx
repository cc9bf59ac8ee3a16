/**
 * Account → Profile: the person's name, time zone and locale (what every date in the app is written
 * in), through PATCH /api/v1/me. A form-kit Draft holds the values, so an update of `me` arriving
 * while they type (another tab, a refresh) never overwrites a field they changed.
 */
import { useSignal } from "@preact/signals";
import { useRef } from "preact/hooks";
import { deviceTimeZone, formatDateTime } from "../lib/date-format";
import { saveProfile } from "../models/profile";
import { me } from "../models/session";
import { Combobox } from "./form-kit/combobox";
import { useDraft } from "./form-kit/draft";
import { Form, SubmitButton } from "./form-kit/form";
import { Field } from "./form-kit/text-field";

const TIME_ZONES: readonly string[] = typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : [];

type ProfileDraft = { name: string; timeZone: string; locale: string };

function draftOfMe(): ProfileDraft {
	const current = me.value;
	return { name: current?.user.name ?? "", timeZone: current?.profile?.timeZone ?? "", locale: current?.profile?.locale ?? "" };
}

export function ProfileForm() {
	const draft = useDraft<ProfileDraft>(draftOfMe());
	const status = useSignal("");
	const values = draft.values.value;
	const timeZones = values.timeZone && !TIME_ZONES.includes(values.timeZone) ? [values.timeZone, ...TIME_ZONES] : TIME_ZONES;
	const options = [{ value: "", label: `This device's (${deviceTimeZone()})` }, ...timeZones.map((zone) => ({ value: zone, label: zone }))];
	// What the last save sent: on success, only fields still holding it follow the answer.
	const sent = useRef(values);
	const send = () => {
		const input = draft.values.value;
		sent.current = input;
		status.value = "";
		return saveProfile({ name: input.name, timeZone: input.timeZone || null, locale: input.locale.trim() || null });
	};
	return (
		<Form
			class="card"
			aria-labelledby="profile-heading"
			send={send}
			check={() => ({ name: values.name.trim() ? undefined : "is required" })}
			onSuccess={() => {
				draft.saved(sent.current, draftOfMe());
				status.value = `Saved. Dates now read like this: ${formatDateTime(Date.now())}.`;
			}}
		>
			<h2 id="profile-heading">Profile</h2>
			<Field
				id="profile-name"
				name="name"
				label="Name"
				value={values.name}
				maxLength={100}
				autoComplete="name"
				onInput={(v) => draft.set("name", v)}
			/>
			<Combobox
				id="profile-time-zone"
				name="timeZone"
				label="Time zone"
				value={values.timeZone}
				options={options}
				hint="Dates and times everywhere in the app are shown in this time zone. Type a city to find it."
				onChange={(v) => draft.set("timeZone", v)}
			/>
			<Field
				id="profile-locale"
				name="locale"
				label="Language and region (optional)"
				value={values.locale}
				maxLength={35}
				verbatim
				required={false}
				placeholder={navigator.language}
				hint="How dates are written, as a language tag such as en-GB or de-CH. Leave empty to follow your browser."
				onInput={(v) => draft.set("locale", v)}
			/>
			<SubmitButton busyLabel="Saving…">Save profile</SubmitButton>
			<p role="status">{status.value}</p>
		</Form>
	);
}
