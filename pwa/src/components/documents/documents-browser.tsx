/**
 * A client's documents: folders, uploads (several files at once from the file input, or dropped
 * anywhere on the page when `dropAnywhere`, each previewed with its own progress, cancel and retry;
 * resume of an unfinished multipart upload), keeping a document offline (its copy follows newer
 * versions), the open document's versions, preview and share links.
 */
import { useEffect, useMemo, useState } from "preact/hooks";
import { formatBytes } from "../../lib/format-bytes";
import {
	contentUrl,
	createFolder,
	currentFolderId,
	enterFolder,
	folderPath,
	listing,
	listingProblem,
	loadListing,
	openDetails,
	openDocument,
	pendingUploads,
	uploadInto,
} from "../../models/documents";
import { loadPinned, pinnedIds, pinnedRefreshed, pinProblem, togglePin } from "../../models/pinned-documents";
import { can } from "../../models/session";
import { createUploadQueue } from "../../models/upload-queue";
import { Form, SubmitButton } from "../form-kit/form";
import { FormAlert } from "../form-kit/form-alert";
import { Field } from "../form-kit/text-field";
import { Button } from "../kit/button";
import { DropOverlay, useFileDrop } from "../uploads/drop-overlay";
import { UploadQueueList } from "../uploads/upload-queue-list";
import { DocumentDetails } from "./document-details";

/** The client's upload queue: each file goes to the folder open when it was added; the listing reloads as each one lands. */
function useDocumentUploads(clientId: string) {
	return useMemo(() => {
		const folderOf = new WeakMap<File, string | undefined>();
		const queue = createUploadQueue(
			(file, report, signal) => uploadInto(clientId, file, folderOf.get(file), report, signal),
			() => void loadListing(clientId),
		);
		const add = (files: Iterable<File>) => {
			const list = [...files];
			for (const file of list) folderOf.set(file, currentFolderId());
			queue.add(list);
		};
		return { queue, add };
	}, [clientId]);
}

export function DocumentsBrowser({
	clientId,
	headingLevel = 2,
	clientName,
	dropAnywhere = false,
}: {
	clientId: string;
	headingLevel?: 2 | 3;
	/** Named in the drop overlay ("Drop files to upload them to …"). */
	clientName?: string;
	/** Files dropped anywhere on the page are uploaded here (the Documents page). */
	dropAnywhere?: boolean;
}) {
	const [folderName, setFolderName] = useState("");
	const writable = can("documents:write");
	useEffect(() => {
		folderPath.value = [];
		openDocument.value = null;
		void enterFolder(clientId, null);
		void loadPinned();
	}, [clientId]);
	const Heading = headingLevel === 2 ? "h2" : "h3";
	const uploads = useDocumentUploads(clientId);
	const dragging = useFileDrop(uploads.add, writable && dropAnywhere);
	const unfinished = pendingUploads(clientId);
	const data = listing.value;
	return (
		<div class="documents">
			{dropAnywhere && writable && <DropOverlay active={dragging} label={`Drop files to upload them to ${clientName ?? "this client"}`} />}
			<FormAlert message={pinProblem.value ?? (listingProblem.value ? listingProblem.value.detail : null)} />
			<div role="status" aria-label="Documents kept offline">
				{pinnedRefreshed.value && <p class="notice">{pinnedRefreshed.value}</p>}
			</div>
			<nav aria-label="Folder path">
				<ol class="breadcrumbs">
					<li>
						<Button variant="link" onClick={() => enterFolder(clientId, null)}>
							All documents
						</Button>
					</li>
					{folderPath.value.map((f) => (
						<li key={f.id}>
							<Button variant="link" onClick={() => enterFolder(clientId, f)}>
								{f.name}
							</Button>
						</li>
					))}
				</ol>
			</nav>
			{writable && (
				<div class="card">
					<Heading>Upload</Heading>
					<div class="field">
						<label for={`upload-${clientId}`}>
							Choose a file to upload, or several{dropAnywhere ? " (or drop them anywhere on this page)" : ""}; the same name adds a new
							version
						</label>
						<input
							id={`upload-${clientId}`}
							type="file"
							multiple
							onChange={(e) => {
								const input = e.currentTarget;
								uploads.add(input.files ?? []);
								input.value = "";
							}}
						/>
					</div>
					{unfinished.length > 0 && (
						<p class="notice">
							Unfinished upload: {unfinished.map((u) => `${u.name} (${formatBytes(u.size)})`).join(", ")}. Choose the same file again to
							continue where it stopped.
						</p>
					)}
					<UploadQueueList queue={uploads.queue} />
					<Form
						class="inline-form"
						aria-label="Create a folder"
						send={() => createFolder(clientId, folderName.trim())}
						check={() => ({ name: folderName.trim() ? undefined : "Give the folder a name." })}
						onSuccess={() => setFolderName("")}
					>
						<Field
							id={`folder-${clientId}`}
							name="name"
							label="New folder name"
							maxLength={200}
							value={folderName}
							onInput={setFolderName}
						/>
						<SubmitButton block={false} busyLabel="Creating…">
							Create folder
						</SubmitButton>
					</Form>
				</div>
			)}
			{!data ? (
				<div class="skeleton skeleton-card" />
			) : data.folders.length === 0 && data.documents.length === 0 ? (
				<p>Nothing here yet.</p>
			) : (
				<ul class="record-list" aria-label="Folders and documents">
					{data.folders.map((f) => (
						<li key={f.id} class="record">
							<Button variant="link" class="record-title" onClick={() => enterFolder(clientId, { id: f.id, name: f.name })}>
								📁 {f.name}
							</Button>
						</li>
					))}
					{data.documents.map((d) => (
						<li key={d.id} class="record record-stacked">
							<Button variant="link" class="record-title" onClick={() => openDetails(d.id)}>
								{d.name}
							</Button>
							<span class="record-meta">
								{formatBytes(d.size)} · version {d.versionCount}
							</span>
							<a href={contentUrl(d.id)} download={d.name}>
								Download {d.name}
							</a>
							<Button
								size="small"
								aria-pressed={pinnedIds.value.has(d.id)}
								onClick={() => void togglePin(d.id, d.name, d.currentVersionId)}
							>
								{pinnedIds.value.has(d.id) ? "Kept offline" : "Keep offline"}
								<span class="visually-hidden"> {d.name}</span>
							</Button>
						</li>
					))}
				</ul>
			)}
			{openDocument.value && <DocumentDetails clientId={clientId} document={openDocument.value} />}
		</div>
	);
}
