/** Writes the server did not take as sent: what happened, and the user's choice (keep mine / take theirs). */
import { conflicts, records, resolveConflict } from "../models/sync";

const WHAT: Record<string, string> = {
	"task.complete": "Marking a task done",
	"task.update": "Editing a task",
	"task.create": "Adding a task",
	"milestone.update": "Editing a milestone",
	"deliverable.review": "Your review",
	"project.update": "Editing the project",
	"client.update": "Editing the client",
	"message.send": "Your message",
	"notification.read": "Marking a notification read",
};

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
					const serverStatus = record?.status ? ` It is now “${String(record.status).replace("_", " ")}”.` : "";
					const rejected = c.result.outcome === "rejected";
					return (
						<li key={c.id} class="record record-stacked">
							<p>
								{WHAT[c.mutation.type] ?? "A change"}
								{name && <> of “{name}”</>}{" "}
								{rejected ? `was refused: ${c.result.problem?.detail ?? ""}` : `conflicted with a change made meanwhile.${serverStatus}`}
							</p>
							<div class="button-row">
								{!rejected && record && (
									<button type="button" class="button primary small" onClick={() => void resolveConflict(c.id, "mine")}>
										Keep mine<span class="visually-hidden"> for {name}</span>
									</button>
								)}
								<button type="button" class="button secondary small" onClick={() => void resolveConflict(c.id, "theirs")}>
									{rejected ? "Dismiss" : "Take theirs"}
									<span class="visually-hidden"> for {name}</span>
								</button>
							</div>
						</li>
					);
				})}
			</ul>
		</section>
	);
}
