/** Names of the service worker's caches that the page also touches (sign-out deletes the API cache). */

/** Last good answers of `GET /api/v1/host` and `GET /api/v1/me`, for offline starts. Per origin, so per agency. */
export const API_CACHE = "atrium-api-v1";

/** Documents the user pinned for offline reading: the current version's bytes, keyed by the content URL. Sign-out deletes it. */
export const PINNED_DOCUMENTS_CACHE = "atrium-pinned-documents";
