/**
 * How the hub ends a socket when its person's access changes (4000–4999 belong to the application):
 * the session was signed out, revoked or expired (sign in again), or the person may no longer see
 * what the socket watches (removed from the agency or the client, or a role without access).
 * Kept apart from schema/messaging.ts (zod) so the PWA's shell can read it without loading zod.
 */
export const SOCKET_CLOSE = {
	sessionEnded: { code: 4401, reason: "Session ended" },
	accessRemoved: { code: 4403, reason: "Access removed" },
} as const;
export type SocketCloseT = (typeof SOCKET_CLOSE)[keyof typeof SOCKET_CLOSE];
