/** Words of offline sync's sequence check shared by the Worker and the PWA (zod-free, so the PWA bundle stays small). */

/** How a refused batch names a sequence number whose result the server no longer keeps (it was applied long ago). */
export const PRUNED_SEQUENCE_PREFIX = "was applied over";
