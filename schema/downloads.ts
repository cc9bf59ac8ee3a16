/** The download centre's vocabulary: an archive's life (asked, being built, ready, failed, expired) and how long it is kept. */
export const ARCHIVE_STATUSES = ["pending", "building", "ready", "failed", "expired"] as const;
export type ArchiveStatus = (typeof ARCHIVE_STATUSES)[number];

/** A ready archive can be downloaded for this long, then the daily clean-up deletes it. */
export const ARCHIVE_TTL_MS = 7 * 24 * 60 * 60 * 1000;

/** At most this many deliverables go into one archive. */
export const ARCHIVE_MAX_ITEMS = 500;
