/**
 * The notification centre: what happened for you (newest first, unread marked; Mark read, or swipe
 * one sideways on a touch screen; pull down or Refresh to sync), and which events reach you on which channel.
 */

import { useEffect } from "preact/hooks";
import type { NotificationPreferences } from "../../../schema/dto/notifications";
import {
	NOTIFICATION_CHANNELS,
	NOTIFICATION_EVENTS,
	type NotificationChannel,
	type NotificationEvent,
} from "../../../schema/notification-events";
import { CheckboxField } from "../components/form-kit/checkbox-field";
import { FormAlert } from "../components/form-kit/form-alert";
import { PullToRefresh } from "../components/gestures/pull-to-refresh";
import { SwipeRow } from "../components/gestures/swipe-row";
import { Button } from "../components/kit/button";
import { type Column, DataTable } from "../components/kit/data-table";
import { useDocumentTitle } from "../components/use-document-title";
import { formatDateTime } from "../lib/date-format";
import {
	loadNotificationPreferences,
	notificationPreferences,
	notificationProblem,
	notificationsUnread,
	setNotificationPreference,
} from "../models/notifications";
import { readAllNotifications, readNotification, refreshNotifications, shownNotifications } from "../models/notifications-offline";
import { syncNow } from "../models/sync";

const CHANNEL_LABELS: Record<NotificationChannel, string> = { in_app: "In the app", email: "Email", push: "Push" };

function NotificationItems() {
	const list = shownNotifications.value;
	if (list === null) return <div class="skeleton skeleton-card" />;
	if (list.length === 0) return <p>Nothing yet. You will see milestones and deliverables for your review here.</p>;
	return (
		<ul class="record-list" aria-label="Your notifications">
			{list.map((n) => (
				<SwipeRow
					key={n.id}
					class={n.readAt === null ? "record notification unread" : "record notification"}
					action="Mark read"
					onSwipe={n.readAt === null ? () => void readNotification(n.id) : null}
				>
					<a href={n.url} onClick={() => n.readAt === null && void readNotification(n.id)}>
						<strong>{n.title}</strong>
					</a>
					{n.readAt === null && <span class="badge badge-active">New</span>}
					<p>{n.body}</p>
					<p class="muted">{formatDateTime(n.createdAt)}</p>
					{n.readAt === null && (
						<Button variant="secondary" size="small" onClick={() => void readNotification(n.id)}>
							Mark read<span class="visually-hidden"> {n.title}</span>
						</Button>
					)}
				</SwipeRow>
			))}
		</ul>
	);
}

/** One column per channel: a checkbox per event, named "<event>: <channel>" (the headers show both). */
function channelColumns(prefs: NotificationPreferences): Column<NotificationEvent>[] {
	return NOTIFICATION_CHANNELS.map((channel) => ({
		key: channel,
		header: CHANNEL_LABELS[channel],
		cell: (event) => (
			<CheckboxField
				id={`notify-${event}-${channel}`}
				label={`${prefs.labels[event]}: ${CHANNEL_LABELS[channel]}`}
				labelHidden
				checked={prefs.preferences[event][channel]}
				onChange={(checked) => void setNotificationPreference(event, channel, checked)}
			/>
		),
	}));
}

/** A form grid (events × channels) in the kit's table: row and column headers say what each box is, and a phone shows one card per event. */
function Preferences() {
	const prefs = notificationPreferences.value;
	if (!prefs) return null;
	return (
		<section class="card" aria-labelledby="notification-prefs-heading">
			<h2 id="notification-prefs-heading">What reaches you</h2>
			<DataTable
				caption="Which events reach you on which channel"
				rows={NOTIFICATION_EVENTS}
				rowKey={(event) => event}
				empty={null}
				columns={[{ key: "event", header: "Event", rowHeader: true, cell: (event) => prefs.labels[event] }, ...channelColumns(prefs)]}
			/>
			<p class="field-hint">Push reaches the devices you turned notifications on for, on your account page.</p>
		</section>
	);
}

export default function Notifications() {
	useDocumentTitle("Notifications");
	useEffect(() => {
		notificationProblem.value = null;
		void refreshNotifications();
		void loadNotificationPreferences();
	}, []);
	return (
		<>
			<h1>Notifications</h1>
			<FormAlert message={notificationProblem.value} />
			<section class="card" aria-labelledby="notification-list-heading">
				<div class="chat-header">
					<h2 id="notification-list-heading">{notificationsUnread.value > 0 ? `${notificationsUnread.value} unread` : "All read"}</h2>
					<div class="button-row">
						<PullToRefresh label="notifications" refresh={() => Promise.all([syncNow(), refreshNotifications()])} />
						{notificationsUnread.value > 0 && (
							<Button variant="secondary" onClick={() => void readAllNotifications()}>
								Mark all as read
							</Button>
						)}
					</div>
				</div>
				<NotificationItems />
			</section>
			<Preferences />
		</>
	);
}
