/**
 * The files of an upload queue (models/upload-queue.ts): each with its preview, name and size, a
 * progressbar, and Cancel while it is being sent or Retry when it failed; a live region says what
 * happened last. Use: `<UploadQueueList queue={queue} />` under any file input or drop zone.
 */
import { formatBytes } from "../../lib/format-bytes";
import { percentOf, type UploadEntry, type UploadQueue } from "../../models/upload-queue";
import { FilePreview } from "./file-preview";
import "./uploads.css";
import { Button } from "../kit/button";

const STATE_TEXT: Record<UploadEntry["state"], string> = {
	waiting: "Waiting",
	uploading: "Uploading",
	saving: "Saving",
	done: "Uploaded",
	failed: "Failed",
};

function Entry({ entry, queue }: { entry: UploadEntry; queue: UploadQueue }) {
	const name = entry.file.name;
	const percent = percentOf(entry);
	return (
		<li class={`upload-entry upload-${entry.state}`}>
			<FilePreview file={entry.file} />
			<div class="upload-body">
				<p class="upload-name">
					<strong>{name}</strong> <span class="record-meta">{formatBytes(entry.file.size)}</span>
				</p>
				<div
					class="progress-track"
					role="progressbar"
					aria-label={`Uploading ${name}`}
					aria-valuemin={0}
					aria-valuemax={100}
					aria-valuenow={percent}
					aria-valuetext={`${percent}% (${STATE_TEXT[entry.state]})`}
				>
					<div class="progress-fill" style={{ width: `${percent}%` }} />
				</div>
				<p class="progress-text">
					{STATE_TEXT[entry.state]}: <strong>{percent}%</strong>
					{entry.problem && <span class="field-error"> {entry.problem}</span>}
				</p>
			</div>
			<div class="button-row">
				{(entry.state === "waiting" || entry.state === "uploading") && (
					<Button size="small" onClick={() => queue.cancel(entry.key)}>
						Cancel<span class="visually-hidden"> {name}</span>
					</Button>
				)}
				{entry.state === "failed" && (
					<>
						<Button variant="primary" block={false} size="small" onClick={() => queue.retry(entry.key)}>
							Retry<span class="visually-hidden"> {name}</span>
						</Button>
						<Button size="small" onClick={() => queue.cancel(entry.key)}>
							Remove<span class="visually-hidden"> {name}</span>
						</Button>
					</>
				)}
			</div>
		</li>
	);
}

export function UploadQueueList({ queue }: { queue: UploadQueue }) {
	const list = queue.entries.value;
	const finished = list.some((e) => e.state === "done");
	return (
		<div class="upload-queue">
			<p class="visually-hidden" role="status">
				{queue.announcement.value}
			</p>
			{list.length > 0 && (
				<ul class="upload-list" aria-label="Uploads">
					{list.map((entry) => (
						<Entry key={entry.key} entry={entry} queue={queue} />
					))}
				</ul>
			)}
			{finished && (
				<Button variant="link" onClick={() => queue.clearFinished()}>
					Clear finished uploads
				</Button>
			)}
		</div>
	);
}
