/** Test helper: drives the local Stripe fake and delivers its signed events to the Worker's webhook. */
export { deliver, deliverAll, fake, payAndDeliver, type SignedEvent, sessionIdOf } from "../worker/stripe";
