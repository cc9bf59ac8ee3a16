/**
 * The client portal's vocabulary: client statuses and service tiers, project, milestone, task and
 * deliverable states. Tables, DTOs and the PWA all read these lists.
 */
export const CLIENT_STATUSES = ["pending_setup", "active", "paused", "archived"] as const;
export type ClientStatus = (typeof CLIENT_STATUSES)[number];

/** Service tiers an agency sells; a short text on each client. */
export const SERVICE_TIERS = ["basic", "standard", "premium"] as const;
export type ServiceTier = (typeof SERVICE_TIERS)[number];

export const PROJECT_STATUSES = ["planned", "active", "on_hold", "completed", "archived"] as const;
export type ProjectStatus = (typeof PROJECT_STATUSES)[number];

export const MILESTONE_STATUSES = ["pending", "in_progress", "completed"] as const;
export type MilestoneStatus = (typeof MILESTONE_STATUSES)[number];

export const TASK_STATUSES = ["open", "done"] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

export const DELIVERABLE_KINDS = ["file", "link"] as const;
export type DeliverableKind = (typeof DELIVERABLE_KINDS)[number];

export const DELIVERABLE_STATUSES = ["pending_review", "approved", "changes_requested"] as const;
export type DeliverableStatus = (typeof DELIVERABLE_STATUSES)[number];

export const REVIEW_DECISIONS = ["approved", "changes_requested"] as const;
export type ReviewDecision = (typeof REVIEW_DECISIONS)[number];
