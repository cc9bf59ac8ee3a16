/**
 * The per-field conflict rules, as a pure function: given what a device changed, what it saw (its
 * base) and what the server holds now, which fields to write and what to tell the device.
 * - status-like fields: the server's answer stands when the server changed the field since the base
 *   (the device gets `conflict` with the server's record and chooses keep mine / take theirs);
 * - simple fields: last writer wins by hybrid logical clock;
 * - text fields: both are kept (the device's text appended under a marker).
 */
import { compareHlc, type Hlc } from "../../../schema/hlc";
import type { FieldRule, SyncedRecord } from "./source";

export type FieldOutcome = "applied" | "unchanged" | "server-kept" | "lww-lost" | "merged-text";
export type MergeOutcome = "applied" | "merged" | "conflict";

export const TEXT_CONFLICT_MARKER = "\n\n--- Edited offline at the same time (both versions kept) ---\n";
const TEXT_LIMIT = 5000;

export type MergeInput = {
	rules: Readonly<Record<string, FieldRule>>;
	changes: SyncedRecord;
	current: SyncedRecord;
	/** The values the device saw for the fields it changes, when it sent them. */
	base: SyncedRecord | undefined;
	/** Whether the record changed on the server after the device's base version. */
	changedSinceBase: boolean;
	mutationHlc: Hlc;
	/** The clock of the server's last write of a field. */
	serverHlcOf: (field: string) => Hlc;
};

export type MergeResult = { write: SyncedRecord; fields: Record<string, FieldOutcome>; outcome: MergeOutcome };

export function mergeFields(input: MergeInput): MergeResult {
	const write: SyncedRecord = {};
	const fields: Record<string, FieldOutcome> = {};
	for (const [field, value] of Object.entries(input.changes)) {
		const server = input.current[field];
		if (value === server) {
			fields[field] = "unchanged";
			continue;
		}
		const serverChanged = input.base && field in input.base ? input.base[field] !== server : input.changedSinceBase;
		const rule = input.rules[field] ?? "simple";
		if (!serverChanged) {
			write[field] = value;
			fields[field] = "applied";
		} else if (rule === "status") {
			fields[field] = "server-kept";
		} else if (rule === "simple") {
			const wins = compareHlc(input.mutationHlc, input.serverHlcOf(field)) > 0;
			if (wins) write[field] = value;
			fields[field] = wins ? "applied" : "lww-lost";
		} else {
			const merged = `${String(server ?? "")}${TEXT_CONFLICT_MARKER}${String(value ?? "")}`;
			if (merged.length > TEXT_LIMIT) {
				fields[field] = "server-kept";
			} else {
				write[field] = merged;
				fields[field] = "merged-text";
			}
		}
	}
	const outcomes = Object.values(fields);
	const outcome: MergeOutcome = outcomes.includes("server-kept")
		? "conflict"
		: outcomes.some((o) => o === "lww-lost" || o === "merged-text")
			? "merged"
			: "applied";
	return { write, fields, outcome };
}
