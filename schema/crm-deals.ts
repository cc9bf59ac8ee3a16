/**
 * CRM pipelines and deals (issue #18): the vocabulary of stages and deals and the stages a
 * workspace's first pipeline starts with. Tables, DTOs and the PWA all read these.
 */

/** A stage's kind: deals in an open stage are in play; a won or lost stage closes them. */
export const STAGE_KINDS = ["open", "won", "lost"] as const;
export type StageKind = (typeof STAGE_KINDS)[number];

/** A deal's status follows the kind of the stage it stands in. */
export const DEAL_STATUSES = STAGE_KINDS;
export type DealStatus = StageKind;

/** The stages a workspace's first pipeline starts with (name, win probability in percent, kind). */
export const DEFAULT_STAGES: readonly { name: string; probability: number; kind: StageKind }[] = [
	{ name: "Lead in", probability: 10, kind: "open" },
	{ name: "Qualified", probability: 25, kind: "open" },
	{ name: "Proposal", probability: 50, kind: "open" },
	{ name: "Negotiation", probability: 75, kind: "open" },
	{ name: "Won", probability: 100, kind: "won" },
	{ name: "Lost", probability: 0, kind: "lost" },
];
