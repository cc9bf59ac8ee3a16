/** The caller's unread message count for the navigation badge, kept live by the navigation socket. */
import { signal } from "@preact/signals";
import { api } from "../api/client";
import { fetchJson } from "../api/fetch-json";
import { type LiveSocket, openLiveSocket } from "../lib/live-socket";
import { loadSession } from "./session";

export const unreadTotal = signal(0);

export async function refreshUnread(): Promise<void> {
	const result = await fetchJson(() => api.api.v1.messaging.unread.$get());
	if (result.ok) unreadTotal.value = result.value.total;
}

let watching: LiveSocket | null = null;

/** Starts following unread counts (once per page load); returns a stop function. */
export function watchUnread(): () => void {
	if (!watching) {
		void refreshUnread();
		watching = openLiveSocket(
			"/api/v1/messaging/socket",
			(event) => {
				if (event.type === "unread") void refreshUnread();
			},
			() => void refreshUnread(),
			// The session ended elsewhere (signed out, revoked): find out, so the app shows sign-in.
			(because) => {
				if (because === "session-ended") void loadSession();
			},
		);
	}
	return () => {
		watching?.close();
		watching = null;
	};
}
