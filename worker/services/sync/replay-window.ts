/** How long offline sync keeps the result of an applied mutation (a replay within it gets the same answer), and when an unfinished claim is stale. */
export const SYNC_REPLAY_WINDOW_DAYS = 30;
export const SYNC_REPLAY_WINDOW_MS = SYNC_REPLAY_WINDOW_DAYS * 24 * 60 * 60 * 1000;
export const STALE_CLAIM_MS = 15 * 60 * 1000;
