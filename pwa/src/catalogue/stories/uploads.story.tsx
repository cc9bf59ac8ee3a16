/** The upload queue's rows in each state: waiting, uploading, saving, failed and done (a fixed queue, nothing sent). */
import { signal } from "@preact/signals";
import { UploadQueueList } from "../../components/uploads/upload-queue-list";
import type { UploadEntry, UploadQueue } from "../../models/upload-queue";
import { Example } from "../example";
import { defineStory } from "../story";

function file(name: string, size: number, type: string): File {
	return new File([new Uint8Array(size)], name, { type, lastModified: 0 });
}

function entry(key: string, f: File, state: UploadEntry["state"], loaded: number, problem: string | null = null): UploadEntry {
	return { key, file: f, state, loaded, problem };
}

/** A queue that only shows: its actions do nothing (the real one is models/upload-queue.ts). */
function fixedQueue(): UploadQueue {
	const brief = file("Project brief.docx", 48_000, "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
	const sheet = file("Budget 2026.xlsx", 120_000, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
	const notes = file("Meeting notes.txt", 3_200, "text/plain");
	const logo = file("Logo final.zip", 2_400_000, "application/zip");
	const video = file("Launch teaser.mp4", 9_800_000, "video/mp4");
	return {
		entries: signal([
			entry("1", brief, "uploading", 19_200),
			entry("2", sheet, "waiting", 0),
			entry("3", video, "saving", 9_800_000),
			entry("4", logo, "failed", 600_000, "The connection dropped. Try again."),
			entry("5", notes, "done", 3_200),
		]),
		announcement: signal("Meeting notes.txt uploaded."),
		add: () => {},
		cancel: () => {},
		retry: () => {},
		clearFinished: () => {},
	};
}

export default defineStory({
	id: "uploads",
	title: "Upload queue",
	group: "Uploads",
	sources: ["components/uploads/upload-queue-list.tsx", "components/uploads/file-preview.tsx", "models/upload-queue.ts"],
	usage:
		"Under any file input or drop zone: each file with its preview, name and size, a progressbar, Cancel while sending and Retry or Remove after a failure; a live region says what happened last.",
	example: `const queue = createUploadQueue(send, reload);\n<UploadQueueList queue={queue} />`,
	render: () => (
		<Example title="Every state" wide>
			<div class="catalogue-stack">
				<UploadQueueList queue={fixedQueue()} />
			</div>
		</Example>
	),
});
