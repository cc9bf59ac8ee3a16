/**
 * The typed union of background jobs on the `jobs` queue. Each job names its tenant (or null for
 * platform work) and carries an idempotency key its effects check, so a redelivery changes nothing.
 */
/** Account emails: the token-bearing ones mint their single-use token inside the job, so no token travels on the queue. */
export type AccountEmailKind = "verify_email" | "change_email" | "password_reset" | "unlock" | "new_device";

export type Job =
	/**
	 * Links in the welcome, account and invitation emails are built in the job on the agency's
	 * canonical address. Their old URL fields (`tenantUrl`, `baseUrl`, `acceptUrl`) are filled by
	 * nothing and read by nothing; messages queued before may still carry them (they parse and are ignored).
	 */
	| {
			type: "welcome-email";
			tenantId: string;
			userId: string;
			/** @deprecated Never filled or read; older messages may carry it. */
			tenantUrl?: string;
			idempotencyKey: string;
	  }
	| {
			type: "account-email";
			tenantId: string;
			userId: string;
			kind: AccountEmailKind;
			/** @deprecated Never filled or read (links start at the agency's canonical address); older messages may carry it. */
			baseUrl?: string;
			idempotencyKey: string;
			/** change_email: the address being confirmed. */
			newEmail?: string;
			/** new_device: what signed in, from where, when. */
			signIn?: { device: string; place: string | null; ip: string | null; at: number };
	  }
	| { type: "purge-expired-auth"; tenantId: null; idempotencyKey: string }
	/** `token` travels only in the queue message and the email itself; the database holds its hash. */
	| {
			type: "invitation-email";
			tenantId: string;
			invitationId: string;
			token: string;
			/** @deprecated Never filled or read (the link is built on the agency's canonical address); older messages may carry it. */
			acceptUrl?: string;
			idempotencyKey: string;
	  }
	| { type: "milestone-completed-email"; tenantId: string; milestoneId: string; completedAt: number; idempotencyKey: string }
	| { type: "task-reminders"; tenantId: null; now: number; idempotencyKey: string }
	/** Emails client people about incomplete onboarding steps (the schedule is in schema/onboarding.ts). */
	| { type: "onboarding-reminders"; tenantId: null; now: number; idempotencyKey: string }
	| { type: "push-notification"; tenantId: string; userId: string; message: PushMessageContent; idempotencyKey: string }
	| { type: "billing-email"; tenantId: string; template: "trial-will-end" | "payment-failed" | "payment-reminder"; idempotencyKey: string }
	| { type: "dunning-reminders"; tenantId: null; idempotencyKey: string }
	| { type: "grant-monthly-credits"; tenantId: null; period: string; idempotencyKey: string }
	| { type: "report-usage-meter"; tenantId: null; hourStart: number; idempotencyKey: string }
	/** Sent with a delay (the tenant's unread-email minutes); emails each recipient who has still not read the message. */
	| { type: "message-unread-email"; tenantId: string; messageId: string; idempotencyKey: string }
	| { type: "reconcile-billing"; tenantId: null; idempotencyKey: string }
	| { type: "low-balance-alert"; tenantId: string; threshold: number; idempotencyKey: string }
	/** Emails both sides of a booking with an ICS invitation (or cancellation); skipped if a newer change superseded `sequence`. */
	| {
			type: "booking-email";
			tenantId: string;
			bookingId: string;
			event: BookingEmailEvent;
			sequence: number;
			idempotencyKey: string;
	  }
	| { type: "booking-reminders"; tenantId: null; now: number; idempotencyKey: string }
	/** Emails (and notifies) the other side of a ticket about one public message. */
	| { type: "ticket-message-email"; tenantId: string; messageId: string; idempotencyKey: string }
	/** Builds one bulk download of deliverables into R2; the archive id is the key. */
	| { type: "deliverables-archive"; tenantId: string; archiveId: string; idempotencyKey: string }
	/** Daily: deletes expired bulk downloads from R2 (every tenant). */
	| { type: "purge-expired-archives"; tenantId: null; now: number; idempotencyKey: string }
	/** Nightly: deletes sync replay records older than the 30-day replay window. */
	| { type: "prune-sync-mutations"; tenantId: null; idempotencyKey: string }
	/** Nightly: aborts document uploads started and never finished, and removes their rows (every tenant). */
	| { type: "purge-abandoned-uploads"; tenantId: null; now: number; idempotencyKey: string };

export type BookingEmailEvent = "booked" | "rescheduled" | "cancelled";

/** What a feature asks to push; the job adds the agency's name and icon. */
export type PushMessageContent = { title: string; body: string; url: string; tag: string };

export type JobType = Job["type"];
export type JobOf<T extends JobType> = Extract<Job, { type: T }>;
