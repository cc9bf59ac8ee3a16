/**
 * Writes the server did not take as sent: a conflict (the server kept its answer), a last-writer-wins
 * loss (a later edit made meanwhile replaced this one) or a refusal; what happened, what the record
 * is now, and the user's choice (keep mine — sent again as a new change — or take theirs / dismiss).
 */

import { formatDate } from "../lib/date-format";
import { project } from "../models/project";
import { conflicts, records, resolveConflict } from "../models/sync";
import type { ConflictEntry } from "../sync/local-store";
import { Button } from "./kit/button";

const WHAT: Record<string, string> = {
	"task.complete": "Marking a task done",
	"task.update": "Your edit",
	"task.create": "Adding a task",
	"milestone.update": "Your edit",
	"deliverable.review": "Your review",
	"project.update": "Your edit",
	"client.update": "Your edit",
	"message.send": "Your message",
	"notification.read": "Marking a notification read",
};

/** What a lost field now holds on the server, in words ("assigned to Olivia Owner", "due 3 Dec 2026"). */
function nowHolds(field: string, value: unknown): string {
	if (field === "assigneeUserId") {
		const name = project.value?.assignees.find((a) => a.userId === value)?.name;
		return value ? `assigned to ${name ?? "someone else"}` : "assigned to nobody";
	}
	if (field === "dueAt" || field === "startsAt") return `${field === "dueAt" ? "due" : "starting"} ${formatDate(value as number | null)}`;
	if (typeof value === "string" || typeof value === "number")
		return `${field === "title" || field === "name" ? "named" : field} “${value}”`;
	return `${field} changed`;
}

function explain(c: ConflictEntry, name: string): string {
	const what = `${WHAT[c.mutation.type] ?? "A change"}${name ? ` of “${name}”` : ""}`;
	const record = c.result.record;
	if (c.result.outcome === "rejected") return `${what} was refused: ${c.result.problem?.detail ?? ""}`;
	if (c.result.outcome === "conflict") {
		return `${what} conflicted with a change made meanwhile.${record?.status ? ` It is now “${String(record.status).replace("_", " ")}”.` : ""}`;
	}
	const lost = Object.entries(c.result.fields).filter(([, outcome]) => outcome === "lww-lost");
	return `${what} was replaced by a later change made meanwhile: it is now ${lost.map(([field]) => nowHolds(field, record?.[field])).join(", ")}.`;
}

export function SyncConflicts() {
	if (conflicts.value.length === 0) return null;
	return (
		<section class="card sync-conflict" aria-labelledby="conflicts-heading">
			<h2 id="conflicts-heading">Changes that need your answer</h2>
			<ul class="record-list">
				{conflicts.value.map((c) => {
					const record = c.result.record;
					// A refused write carries no record: name it from the device's copy.
					const named = record ?? records.value.get(`${c.entity}:${c.mutation.recordId}`)?.record;
					const name = String(named?.title ?? named?.name ?? named?.subject ?? "");
					const rejected = c.result.outcome === "rejected";
					return (
						<li key={c.id} class="record record-stacked">
							<p>{explain(c, name)}</p>
							<div class="button-row">
								{!rejected && record && (
									<Button variant="primary" size="small" onClick={() => void resolveConflict(c.id, "mine")}>
										Keep mine<span class="visually-hidden"> for {name}</span>
									</Button>
								)}
								<Button size="small" onClick={() => void resolveConflict(c.id, "theirs")}>
									{rejected ? "Dismiss" : "Take theirs"}
									<span class="visually-hidden"> for {name}</span>
								</Button>
							</div>
						</li>
					);
				})}
			</ul>
		</section>
	);
}
