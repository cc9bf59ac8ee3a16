/**
 * Bookings ↔ onboarding. Booking a `kickoff` completes the client's open `kickoff_booking` step with
 * the booking's id as its reference (repeat-safe). Cancelling that booking reopens the step while the
 * onboarding is still in progress, so the wizard asks for a new kickoff instead of saying it is booked;
 * a finished onboarding stays finished. Rescheduling keeps the booking's id, so the step stays done.
 */
import type { Booking } from "../../../schema/index";
import { enqueue } from "../../lib/jobs";
import { SYSTEM_ACTOR } from "../audit/audit-log";
import { reopenOnboardingStepOfRef } from "../onboarding/reopen";
import { completeOnboardingStepOfKind } from "../onboarding/steps";
import type { BookingDeps } from "./booking-deps";

export async function kickoffBooked(deps: BookingDeps, booking: Booking): Promise<void> {
	if (booking.kind !== "kickoff") return;
	await completeOnboardingStepOfKind(deps.scope, booking.clientId, "kickoff_booking", booking.id, {
		actor: deps.actor ?? SYSTEM_ACTOR,
		enqueue: (job) => enqueue(deps.env, job),
	});
}

export async function kickoffCancelled(deps: BookingDeps, booking: Booking, now: number): Promise<void> {
	if (booking.kind !== "kickoff") return;
	await reopenOnboardingStepOfRef(deps.scope, booking.clientId, "kickoff_booking", booking.id, deps.actor ?? SYSTEM_ACTOR, now);
}
