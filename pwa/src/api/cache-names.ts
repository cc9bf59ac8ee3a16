/** Names of the service worker's caches that the page also touches (sign-out deletes the API cache). */

/** Last good answers of `GET /api/v1/host` and `GET /api/v1/me`, for offline starts. Per origin, so per agency. */
export const API_CACHE = "atrium-api-v1";
