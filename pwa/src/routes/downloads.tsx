/**
 * Deliverables (the download centre): everything delivered to the client — or, for the agency, to
 * every client — filtered by project, status, type and date; pick some (or take all matching) and
 * get them as one zip, prepared in the background and announced here when ready.
 */
import { useEffect, useRef } from "preact/hooks";
import { DELIVERABLE_KINDS, DELIVERABLE_STATUSES, type DeliverableKind, type DeliverableStatus } from "../../../schema/portal";
import { FormAlert } from "../components/form-kit/form-alert";
import { useDocumentTitle } from "../components/use-document-title";
import { formatDate } from "../lib/date-format";
import { DELIVERABLE_STATUS_LABELS } from "../lib/portal-labels";
import { allProjects, loadProjects } from "../models/dashboards";
import {
	type ArchiveT,
	archives,
	type DeliveredItemT,
	downloadsProblem,
	filter,
	isSettled,
	items,
	loadArchives,
	loadDelivered,
	nextCursor,
	refreshArchive,
	requestArchive,
	selected,
	selectedCount,
	toggle,
} from "../models/downloads";
import { isStaff } from "../models/session";

const KIND_LABELS: Record<DeliverableKind, string> = { file: "File", link: "Link" };
const ARCHIVE_STATUS_TEXT: Record<ArchiveT["status"], string> = {
	pending: "Preparing your zip…",
	building: "Preparing your zip…",
	ready: "Ready",
	failed: "Could not be prepared",
	expired: "Expired",
};
const POLL_MS = 1500;

function formatSize(bytes: number | null): string {
	if (bytes === null) return "";
	if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
	return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** Polls each archive still being prepared until it settles. */
function useArchivePolling() {
	const timer = useRef<number | undefined>(undefined);
	const pending = archives.value.filter((a) => !isSettled(a)).map((a) => a.id);
	const key = pending.join(",");
	useEffect(() => {
		if (!key) return;
		timer.current = window.setTimeout(async () => {
			for (const id of key.split(",")) await refreshArchive(id);
		}, POLL_MS);
		return () => window.clearTimeout(timer.current);
	}, [key, archives.value]);
}

function Filters() {
	const f = filter.value;
	const set = (patch: Partial<typeof f>) => {
		filter.value = { ...f, ...patch };
		void loadDelivered();
	};
	return (
		<form class="filters" aria-label="Filter deliverables" onSubmit={(e) => e.preventDefault()}>
			<label>
				Project
				<select value={f.projectId} onChange={(e) => set({ projectId: e.currentTarget.value })}>
					<option value="">All projects</option>
					{(allProjects.value ?? []).map((p) => (
						<option key={p.id} value={p.id}>
							{isStaff.value ? `${p.clientName} · ${p.name}` : p.name}
						</option>
					))}
				</select>
			</label>
			<label>
				Status
				<select value={f.status} onChange={(e) => set({ status: e.currentTarget.value as DeliverableStatus | "" })}>
					<option value="">Any status</option>
					{DELIVERABLE_STATUSES.map((s) => (
						<option key={s} value={s}>
							{DELIVERABLE_STATUS_LABELS[s]}
						</option>
					))}
				</select>
			</label>
			<label>
				Type
				<select value={f.kind} onChange={(e) => set({ kind: e.currentTarget.value as DeliverableKind | "" })}>
					<option value="">Files and links</option>
					{DELIVERABLE_KINDS.map((k) => (
						<option key={k} value={k}>
							{KIND_LABELS[k]}
						</option>
					))}
				</select>
			</label>
			<label>
				Delivered from
				<input type="date" value={f.from} onChange={(e) => set({ from: e.currentTarget.value })} />
			</label>
			<label>
				Delivered until
				<input type="date" value={f.to} onChange={(e) => set({ to: e.currentTarget.value })} />
			</label>
		</form>
	);
}

function ItemRow({ item }: { item: DeliveredItemT }) {
	const id = `pick-${item.id}`;
	return (
		<li class="record record-stacked">
			<span>
				<input type="checkbox" id={id} checked={selected.value.has(item.id)} onChange={() => toggle(item.id)} />{" "}
				<label for={id} class="record-title">
					{item.title}
				</label>
			</span>
			<span class="record-meta">
				{isStaff.value ? `${item.clientName} · ` : ""}
				{item.projectName} · {KIND_LABELS[item.kind]} · {DELIVERABLE_STATUS_LABELS[item.status]} · {formatDate(item.createdAt)}
			</span>
			{item.file ? (
				<a href={`/api/v1/documents/${item.file.documentId}/content`} download={item.file.name}>
					Download {item.file.name} ({formatSize(item.file.size)})
				</a>
			) : item.url ? (
				<a href={item.url} target="_blank" rel="noopener noreferrer">
					Open link
				</a>
			) : (
				<span class="record-meta">No file attached yet</span>
			)}
		</li>
	);
}

function ArchiveList() {
	useArchivePolling();
	if (archives.value.length === 0) return null;
	return (
		<section class="card" aria-labelledby="archives-heading">
			<h2 id="archives-heading">Your zip downloads</h2>
			<ul class="record-list" aria-live="polite">
				{archives.value.map((a) => (
					<li key={a.id} class="record record-stacked">
						<span class="record-title">Zip of {formatDate(a.createdAt)}</span>
						<span class="record-meta" role="status">
							{ARCHIVE_STATUS_TEXT[a.status]}
							{a.status === "ready"
								? ` · ${a.fileCount ?? 0} files, ${a.linkCount ?? 0} links · ${formatSize(a.size)} · until ${formatDate(a.expiresAt)}`
								: ""}
							{a.error ? ` · ${a.error}` : ""}
						</span>
						{a.downloadUrl ? (
							<a href={a.downloadUrl} download>
								Download zip
							</a>
						) : null}
					</li>
				))}
			</ul>
		</section>
	);
}

export default function Downloads() {
	useDocumentTitle("Deliverables");
	useEffect(() => {
		void loadDelivered();
		void loadArchives();
		if (!allProjects.value) void loadProjects();
	}, []);
	const list = items.value;
	return (
		<>
			<h1>Deliverables</h1>
			<p class="lead">
				{isStaff.value ? "Everything delivered to your clients." : "Everything your agency delivered to you."} Pick what you need and
				download it as one zip.
			</p>
			<FormAlert message={downloadsProblem.value?.detail ?? null} />
			<ArchiveList />
			<section class="card" aria-labelledby="delivered-heading">
				<h2 id="delivered-heading">Delivered</h2>
				<Filters />
				<div class="actions">
					<button type="button" disabled={selectedCount.value === 0} onClick={() => void requestArchive("selected")}>
						Download selected ({selectedCount.value}) as zip
					</button>
					<button type="button" class="secondary" disabled={!list || list.length === 0} onClick={() => void requestArchive("matching")}>
						Download all matching as zip
					</button>
				</div>
				{list === null ? (
					<div class="skeleton skeleton-card" />
				) : list.length === 0 ? (
					<p>Nothing delivered matches these filters.</p>
				) : (
					<ul class="record-list">
						{list.map((item) => (
							<ItemRow key={item.id} item={item} />
						))}
					</ul>
				)}
				{nextCursor.value ? (
					<button type="button" class="secondary" onClick={() => void loadDelivered(true)}>
						Show more
					</button>
				) : null}
			</section>
		</>
	);
}
