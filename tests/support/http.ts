/** Test helper: requests through the real Worker (`call`), fresh client IPs, session cookies and problem bodies. */
export { call, freshIp, problemOf, sessionCookie } from "../worker/helpers";
