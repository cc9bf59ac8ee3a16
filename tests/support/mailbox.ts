/** Test helper: the one mailbox poller (bounded) over the emails the jobs queue sent, and the token in a link. */
export { countEmails, type SentEmail, tokenIn, waitForEmail, waitForEmails } from "../worker/mailbox";
