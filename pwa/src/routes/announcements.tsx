/** Announcements (admins): write a banner for every client or a segment, with a start and end, and publish or unpublish it. */
import { useSignal } from "@preact/signals";
import { useEffect } from "preact/hooks";
import { CLIENT_STATUSES, SERVICE_TIERS } from "../../../schema/portal";
import { ANNOUNCEMENT_SEVERITIES, type AnnouncementSeverity } from "../../../schema/support";
import { CheckboxField } from "../components/form-kit/checkbox-field";
import { DateTimeField } from "../components/form-kit/date-time-field";
import { useDraft } from "../components/form-kit/draft";
import { Form, SubmitButton } from "../components/form-kit/form";
import { FormAlert } from "../components/form-kit/form-alert";
import { SelectField } from "../components/form-kit/select-field";
import { Field } from "../components/form-kit/text-field";
import { TextAreaField } from "../components/form-kit/textarea-field";
import { useDocumentTitle } from "../components/use-document-title";
import { formatDateTime } from "../lib/date-format";
import {
	type Announcement,
	announcements,
	announcementsProblem,
	createAnnouncement,
	loadAnnouncements,
	setPublished,
} from "../models/announcements";
import { can } from "../models/session";
import NotFound from "./not-found";

type Segment = "all" | "tiers" | "statuses";

function audienceLabel(a: Announcement["audience"]): string {
	switch (a.kind) {
		case "all":
			return "All clients";
		case "tiers":
			return `Tiers: ${a.tiers.join(", ")}`;
		case "statuses":
			return `Client status: ${a.statuses.join(", ")}`;
		case "clients":
			return `${a.clientIds.length} chosen client(s)`;
	}
}

type AnnouncementDraft = {
	title: string;
	body: string;
	severity: AnnouncementSeverity;
	segment: Segment;
	values: string[];
	/** Instants (ms), picked in the person's time zone; null: now / until unpublished. */
	startsAt: number | null;
	endsAt: number | null;
};

const EMPTY: AnnouncementDraft = { title: "", body: "", severity: "info", segment: "all", values: [], startsAt: null, endsAt: null };

function audienceOf(v: AnnouncementDraft) {
	return v.segment === "tiers"
		? { kind: "tiers" as const, tiers: v.values as (typeof SERVICE_TIERS)[number][] }
		: v.segment === "statuses"
			? { kind: "statuses" as const, statuses: v.values as (typeof CLIENT_STATUSES)[number][] }
			: { kind: "all" as const };
}

function NewAnnouncement() {
	const draft = useDraft<AnnouncementDraft>(EMPTY);
	const status = useSignal("");
	const v = draft.values.value;
	const options: readonly string[] = v.segment === "tiers" ? SERVICE_TIERS : v.segment === "statuses" ? CLIENT_STATUSES : [];
	const send = () => {
		status.value = "";
		return createAnnouncement({
			title: v.title,
			body: v.body,
			severity: v.severity,
			audience: audienceOf(v),
			...(v.startsAt === null ? {} : { startsAt: v.startsAt }),
			endsAt: v.endsAt,
			published: true,
		});
	};
	return (
		<Form
			class="card"
			aria-labelledby="new-announcement-heading"
			send={send}
			check={() => ({
				title: v.title.trim() ? undefined : "is required",
				body: v.body.trim() ? undefined : "is required",
			})}
			onSuccess={(created) => {
				draft.saved(v, { ...v, title: "", body: "" });
				status.value = `Published: ${created.title}`;
			}}
		>
			<h2 id="new-announcement-heading">New announcement</h2>
			<Field id="announcement-title" name="title" label="Title" value={v.title} maxLength={120} onInput={(x) => draft.set("title", x)} />
			<TextAreaField id="announcement-body" name="body" label="Message" rows={3} value={v.body} onInput={(x) => draft.set("body", x)} />
			<SelectField
				id="announcement-severity"
				name="severity"
				label="Severity"
				value={v.severity}
				options={ANNOUNCEMENT_SEVERITIES.map((s) => ({ value: s, label: s }))}
				onChange={(x) => draft.set("severity", x)}
			/>
			<SelectField
				id="announcement-audience"
				name="audience"
				label="Audience"
				value={v.segment}
				options={[
					{ value: "all", label: "All clients" },
					{ value: "tiers", label: "Clients on some service tiers" },
					{ value: "statuses", label: "Clients in some statuses" },
				]}
				onChange={(x) => {
					draft.set("segment", x);
					draft.set("values", []);
				}}
			/>
			{options.length > 0 && (
				<fieldset class="field">
					<legend>{v.segment === "tiers" ? "Tiers" : "Statuses"}</legend>
					{options.map((o) => (
						<CheckboxField
							key={o}
							id={`announcement-${o}`}
							name={`audience-${o}`}
							label={o}
							checked={v.values.includes(o)}
							onChange={(on) => draft.set("values", on ? [...v.values, o] : v.values.filter((x) => x !== o))}
						/>
					))}
				</fieldset>
			)}
			<DateTimeField
				id="announcement-start"
				name="startsAt"
				label="Starts (optional)"
				hint="Empty: now"
				value={v.startsAt}
				onChange={(x) => draft.set("startsAt", x)}
			/>
			<DateTimeField
				id="announcement-end"
				name="endsAt"
				label="Ends (optional)"
				hint="Empty: until unpublished"
				value={v.endsAt}
				onChange={(x) => draft.set("endsAt", x)}
			/>
			<SubmitButton busyLabel="Publishing…">Publish announcement</SubmitButton>
			<p role="status">{status.value}</p>
		</Form>
	);
}

export default function Announcements() {
	useDocumentTitle("Announcements");
	const allowed = can("announcements:manage");
	useEffect(() => {
		if (allowed) void loadAnnouncements();
	}, [allowed]);
	if (!allowed) return <NotFound />;
	const list = announcements.value;
	return (
		<>
			<h1>Announcements</h1>
			<FormAlert message={announcementsProblem.value?.detail ?? null} />
			<NewAnnouncement />
			<section aria-labelledby="announcements-heading">
				<h2 id="announcements-heading">All announcements</h2>
				{list === null ? (
					<div class="skeleton skeleton-card" />
				) : list.length === 0 ? (
					<p>No announcements yet.</p>
				) : (
					<ul class="support-list">
						{list.map((a) => (
							<li key={a.id} class="card">
								<h3>{a.title}</h3>
								<p>{a.body}</p>
								<p class="muted">
									{a.severity} · {audienceLabel(a.audience)} · from {formatDateTime(a.startsAt)}
									{a.endsAt ? ` to ${formatDateTime(a.endsAt)}` : ""} · {a.published ? "published" : "not published"}
								</p>
								<button type="button" class="button secondary" onClick={() => void setPublished(a.id, !a.published)}>
									{a.published ? `Unpublish ${a.title}` : `Publish ${a.title}`}
								</button>
							</li>
						))}
					</ul>
				)}
			</section>
		</>
	);
}
