/**
 * Building one archive: the requester's access is worked out again now (a person unlinked from a
 * client since asking gets nothing of it), the deliverables are selected again through the same
 * visibility rules, and the zip is streamed into R2 — one folder per project with its files and a
 * links.txt of its link deliverables. An archive already built, failed or expired is left alone,
 * so a re-run makes nothing twice.
 */
import { eq, inArray } from "drizzle-orm";
import { ARCHIVE_MAX_ITEMS, ARCHIVE_TTL_MS } from "../../../schema/downloads";
import { type DeliverableArchiveRow, deliverableArchives } from "../../../schema/index";
import type { TenantScope } from "../../lib/db";
import { type ClientAccess, clientAccessFor } from "../portal/client-access";
import { findMemberById } from "../team/members";
import { type DeliveredFilterInput, type DeliveredRow, deliveredByIds, deliveredMatching } from "./delivered";
import { MIN_PART_SIZE, ZipToR2 } from "./zip-to-r2";

/** A reason the archive cannot be made, shown to the requester as is. */
export class ArchiveRefused extends Error {}

type StoredSelection = { deliverableIds?: string[]; filter?: DeliveredFilterInput };

export function archiveObjectKey(tenantId: string, archiveId: string): string {
	return `tenants/${tenantId}/archives/${archiveId}.zip`;
}

/** The archive as it is now; `null` when there is no such row. */
export async function loadArchive(scope: TenantScope, id: string): Promise<DeliverableArchiveRow | null> {
	const [row] = await scope.db
		.select()
		.from(deliverableArchives)
		.where(scope.where(deliverableArchives, eq(deliverableArchives.id, id)))
		.limit(1);
	return row ?? null;
}

/** What the requester may download today, never wider than when they asked. */
async function accessAtBuild(scope: TenantScope, row: DeliverableArchiveRow): Promise<ClientAccess> {
	const member = await findMemberById(scope, row.requestedBy);
	if (!member?.permissions.has("documents:read")) throw new ArchiveRefused("You can no longer download deliverables.");
	const now = await clientAccessFor(scope, { user: { id: member.id }, permissions: member.permissions });
	if (row.clientScopeId === null) return now;
	const allowed = now.kind === "all" || now.clientId === row.clientScopeId;
	return { kind: "own", userId: member.id, clientId: allowed ? row.clientScopeId : null };
}

async function selectItems(scope: TenantScope, row: DeliverableArchiveRow): Promise<DeliveredRow[]> {
	const access = await accessAtBuild(scope, row);
	const selection = JSON.parse(row.selection) as StoredSelection;
	const items = selection.deliverableIds
		? await deliveredByIds(scope, access, selection.deliverableIds)
		: await deliveredMatching(scope, access, selection.filter ?? {}, ARCHIVE_MAX_ITEMS);
	if (items.length === 0) throw new ArchiveRefused("None of the chosen deliverables is available to you any more.");
	return items;
}

/** A name safe as one zip path segment: no slashes, control characters or leading dots. */
export function safeSegment(name: string): string {
	const cleaned = [...name]
		.map((ch) => (ch.charCodeAt(0) < 0x20 ? "_" : ch))
		.join("")
		.replace(/[\\/:*?"<>|]/g, "_")
		.replace(/^\.+/, "")
		.trim()
		.slice(0, 120);
	return cleaned || "untitled";
}

/** `name`, or `name (2)`, `name (3)`… the first not yet in `taken` (which it joins). */
function unique(taken: Set<string>, name: string): string {
	const dot = name.lastIndexOf(".");
	const [stem, ext] = dot > 0 ? [name.slice(0, dot), name.slice(dot)] : [name, ""];
	let candidate = name;
	for (let n = 2; taken.has(candidate.toLowerCase()); n++) candidate = `${stem} (${n})${ext}`;
	taken.add(candidate.toLowerCase());
	return candidate;
}

/** One folder name per project (two projects of the same name get "(2)"). */
function projectFolders(items: DeliveredRow[]): Map<string, string> {
	const folders = new Map<string, string>();
	const taken = new Set<string>();
	for (const item of items) {
		if (!folders.has(item.projectId)) folders.set(item.projectId, unique(taken, safeSegment(item.projectName)));
	}
	return folders;
}

function linksText(links: DeliveredRow[]): string {
	return `${links.map((l) => `${l.title}\n${l.url ?? "(no address)"}\n`).join("\n")}`;
}

export type BuiltArchive = { size: number; fileCount: number; linkCount: number };

/** Streams the zip of `items` into R2 under `key`. */
async function writeZip(bucket: R2Bucket, key: string, items: DeliveredRow[], now: number, partSize: number): Promise<BuiltArchive> {
	const zip = await ZipToR2.open(bucket, key, partSize);
	const folders = projectFolders(items);
	let fileCount = 0;
	let linkCount = 0;
	try {
		for (const [projectId, folder] of folders) {
			const ofProject = items.filter((i) => i.projectId === projectId);
			const taken = new Set<string>(["links.txt"]);
			for (const item of ofProject) {
				if (!item.file || !item.objectKey) continue;
				const object = await bucket.get(item.objectKey);
				if (!object) continue;
				await zip.addStream(`${folder}/${unique(taken, safeSegment(item.file.name))}`, object.body, item.updatedAt);
				fileCount += 1;
			}
			const links = ofProject.filter((i) => i.kind === "link");
			if (links.length > 0) {
				await zip.addText(`${folder}/links.txt`, linksText(links), now);
				linkCount += links.length;
			}
		}
		if (fileCount + linkCount === 0) throw new ArchiveRefused("The chosen deliverables have no files or links to download yet.");
		await zip.finish();
		return { size: zip.size, fileCount, linkCount };
	} catch (error) {
		await zip.abort();
		throw error;
	}
}

export type BuildOutcome =
	| { kind: "ready"; row: DeliverableArchiveRow }
	| { kind: "failed"; row: DeliverableArchiveRow }
	| { kind: "skipped" };

/**
 * Builds the archive unless it is already done. A refusal (nothing left to download, the person
 * lost access) or any error while writing marks it failed with a message for the requester.
 */
export async function buildArchive(
	scope: TenantScope,
	bucket: R2Bucket,
	archiveId: string,
	options: { now?: number; partSize?: number; onError?: (error: unknown) => void } = {},
): Promise<BuildOutcome> {
	const { now = Date.now(), partSize = MIN_PART_SIZE } = options;
	const row = await loadArchive(scope, archiveId);
	if (!row || !(row.status === "pending" || row.status === "building")) return { kind: "skipped" };
	await setStatus(scope, archiveId, { status: "building", updatedAt: now });
	const key = archiveObjectKey(scope.tenantId, archiveId);
	try {
		const items = await selectItems(scope, row);
		const built = await writeZip(bucket, key, items, now, partSize);
		const done = await setStatus(scope, archiveId, {
			status: "ready",
			objectKey: key,
			size: built.size,
			fileCount: built.fileCount,
			linkCount: built.linkCount,
			error: null,
			readyAt: now,
			expiresAt: now + ARCHIVE_TTL_MS,
			updatedAt: now,
		});
		return { kind: "ready", row: done };
	} catch (error) {
		if (!(error instanceof ArchiveRefused)) options.onError?.(error);
		const message =
			error instanceof ArchiveRefused ? error.message : "Something went wrong while preparing the download. Please ask again.";
		const failed = await setStatus(scope, archiveId, { status: "failed", error: message, updatedAt: now });
		return { kind: "failed", row: failed };
	}
}

async function setStatus(
	scope: TenantScope,
	id: string,
	set: Partial<Omit<DeliverableArchiveRow, "id" | "tenantId">>,
): Promise<DeliverableArchiveRow> {
	const [row] = await scope
		.update(deliverableArchives, set, eq(deliverableArchives.id, id), inArray(deliverableArchives.status, ["pending", "building"]))
		.returning();
	if (row) return row;
	const current = await loadArchive(scope, id);
	if (!current) throw new Error(`archive ${id} disappeared`);
	return current;
}
