/** Announcements (admins): write a banner for every client or a segment, with a start and end, and publish or unpublish it. */
import { useSignal } from "@preact/signals";
import { useEffect } from "preact/hooks";
import { CLIENT_STATUSES, SERVICE_TIERS } from "../../../schema/portal";
import { ANNOUNCEMENT_SEVERITIES, type AnnouncementSeverity } from "../../../schema/support";
import { FormAlert } from "../components/form-kit/form-alert";
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

/** `datetime-local` value → epoch ms (undefined when empty). */
function localTime(value: string): number | undefined {
	return value ? new Date(value).getTime() : undefined;
}

function NewAnnouncement() {
	const title = useSignal("");
	const body = useSignal("");
	const severity = useSignal<AnnouncementSeverity>("info");
	const segment = useSignal<Segment>("all");
	const values = useSignal<string[]>([]);
	const startsAt = useSignal("");
	const endsAt = useSignal("");
	const failure = useSignal<string | null>(null);
	const status = useSignal("");
	const options: readonly string[] = segment.value === "tiers" ? SERVICE_TIERS : segment.value === "statuses" ? CLIENT_STATUSES : [];
	const submit = async (event: Event) => {
		event.preventDefault();
		const audience =
			segment.value === "tiers"
				? { kind: "tiers" as const, tiers: values.value as (typeof SERVICE_TIERS)[number][] }
				: segment.value === "statuses"
					? { kind: "statuses" as const, statuses: values.value as (typeof CLIENT_STATUSES)[number][] }
					: { kind: "all" as const };
		const result = await createAnnouncement({
			title: title.value,
			body: body.value,
			severity: severity.value,
			audience,
			startsAt: localTime(startsAt.value),
			endsAt: localTime(endsAt.value) ?? null,
			published: true,
		});
		failure.value = result.ok ? null : result.problem.detail;
		if (result.ok) {
			title.value = "";
			body.value = "";
			status.value = `Published: ${result.value.title}`;
		}
	};
	return (
		<form class="card" onSubmit={submit} noValidate aria-labelledby="new-announcement-heading">
			<h2 id="new-announcement-heading">New announcement</h2>
			<FormAlert message={failure.value} />
			<div class="field">
				<label for="announcement-title">Title</label>
				<input id="announcement-title" value={title.value} maxLength={120} onInput={(e) => (title.value = e.currentTarget.value)} />
			</div>
			<div class="field">
				<label for="announcement-body">Message</label>
				<textarea id="announcement-body" rows={3} value={body.value} onInput={(e) => (body.value = e.currentTarget.value)} />
			</div>
			<div class="field">
				<label for="announcement-severity">Severity</label>
				<select
					id="announcement-severity"
					value={severity.value}
					onChange={(e) => (severity.value = e.currentTarget.value as AnnouncementSeverity)}
				>
					{ANNOUNCEMENT_SEVERITIES.map((s) => (
						<option key={s} value={s}>
							{s}
						</option>
					))}
				</select>
			</div>
			<div class="field">
				<label for="announcement-audience">Audience</label>
				<select
					id="announcement-audience"
					value={segment.value}
					onChange={(e) => {
						segment.value = e.currentTarget.value as Segment;
						values.value = [];
					}}
				>
					<option value="all">All clients</option>
					<option value="tiers">Clients on some service tiers</option>
					<option value="statuses">Clients in some statuses</option>
				</select>
			</div>
			{options.length > 0 && (
				<fieldset class="field">
					<legend>{segment.value === "tiers" ? "Tiers" : "Statuses"}</legend>
					{options.map((o) => (
						<label key={o}>
							<input
								type="checkbox"
								checked={values.value.includes(o)}
								onChange={(e) => (values.value = e.currentTarget.checked ? [...values.value, o] : values.value.filter((v) => v !== o))}
							/>{" "}
							{o}
						</label>
					))}
				</fieldset>
			)}
			<div class="field">
				<label for="announcement-start">Starts (empty: now)</label>
				<input
					id="announcement-start"
					type="datetime-local"
					value={startsAt.value}
					onInput={(e) => (startsAt.value = e.currentTarget.value)}
				/>
			</div>
			<div class="field">
				<label for="announcement-end">Ends (empty: until unpublished)</label>
				<input id="announcement-end" type="datetime-local" value={endsAt.value} onInput={(e) => (endsAt.value = e.currentTarget.value)} />
			</div>
			<button type="submit" class="button primary">
				Publish announcement
			</button>
			<p role="status">{status.value}</p>
		</form>
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
