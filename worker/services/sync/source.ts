/**
 * The shape of a sync source: one module per synced table says how to load changed records (with
 * the client each belongs to, so the portal's access rules decide who receives it) and how to apply
 * each mutation a device may send for it, through the same services and permissions as REST.
 */

import type { SyncEntity, SyncMutationT } from "../../../schema/dto/sync";
import type { Permission } from "../../../schema/permissions";
import type { AuthContext } from "../../env";
import type { TenantScope } from "../../lib/db";
import type { Enqueue, Publish } from "../messaging/live";
import type { ClientAccess } from "../portal/client-access";
import type { RequestOrigin } from "../sessions/sessions";

export type SyncedRecord = Record<string, unknown>;

/**
 * A record as sync sees it: `live` false when it or its parent (project, thread, document) is
 * deleted. `ownerUserId` is set on a person's own records (notifications): only they receive it.
 */
export type LoadedRecord = { id: string; clientId: string | null; ownerUserId?: string | null; live: boolean; record: SyncedRecord };

export type SyncSource = {
	entity: SyncEntity;
	/** Holding any of these lets a user receive the table (the REST read route's permission). */
	readPermissions: readonly Permission[];
	/** The records with these ids (any state), each with its client. */
	load(scope: TenantScope, ids: string[]): Promise<LoadedRecord[]>;
};

/** What a source module writes: the entity comes from the registry's key (one per descriptor in schema/sync-tables.ts). */
export type SyncSourceParts = Omit<SyncSource, "entity">;

/** How a field merges when the server changed it since the device's base (docs/OFFLINE-SYNC.md). */
export type FieldRule = "status" | "simple" | "text";

export type MutationContext = {
	scope: TenantScope;
	access: ClientAccess;
	auth: AuthContext;
	enqueue: Enqueue;
	/** Live events through the tenant's MessagingHub (a message sent offline reaches open threads). */
	publish: Publish;
	now: number;
	/** Where the request came from, for audit entries. */
	origin: RequestOrigin;
};

export type MutationOf<T extends SyncMutationT["type"]> = Extract<SyncMutationT, { type: T }>;

/**
 * One mutation type. `current` loads the record as the REST route would (404 problem when the user
 * may not see it); `changesOf` says which record fields the mutation sets; `write` applies the
 * fields that survived conflict resolution through the portal service.
 */
export type MutationHandler<T extends SyncMutationT["type"] = SyncMutationT["type"]> = {
	type: T;
	entity: SyncEntity;
	permission: Permission;
	rules: Readonly<Record<string, FieldRule>>;
	/** For creations: nothing to conflict with; `write` is called with every change. */
	creates?: boolean;
	/** Write even when no field changes (e.g. a new review comment on an unchanged status). */
	writeWhenUnchanged?: (current: SyncedRecord) => boolean;
	current(ctx: MutationContext, mutation: MutationOf<T>): Promise<SyncedRecord | null>;
	changesOf(mutation: MutationOf<T>): SyncedRecord;
	write(ctx: MutationContext, mutation: MutationOf<T>, changes: SyncedRecord): Promise<void>;
};
