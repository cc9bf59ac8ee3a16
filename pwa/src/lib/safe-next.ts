/** Where to go after sign-in: the shared open-redirect guard (schema/safe-next.ts). */
export { safeNext } from "../../../schema/safe-next";
