/** Sync source: clients. Staff receive every client; a client's people their own client (as GET /clients/{id}). Staff edit fields. */
import { inArray } from "drizzle-orm";
import { clients } from "../../../../schema/index";
import { actorOf } from "../../audit/audit-log";
import { getClient, toClientDto, updateClient } from "../../portal/clients";
import type { MutationHandler, SyncSourceParts } from "../source";

export const clientsSource: SyncSourceParts = {
	readPermissions: ["clients:read", "clients:own"],
	async load(scope, ids) {
		const rows = await scope.db
			.select()
			.from(clients)
			.where(scope.where(clients, inArray(clients.id, ids)));
		return rows.map((row) => ({ id: row.id, clientId: row.id, live: row.deletedAt === null, record: toClientDto(row) }));
	},
};

export const updateClientMutation: MutationHandler<"client.update"> = {
	type: "client.update",
	entity: "clients",
	permission: "clients:write",
	rules: {
		name: "simple",
		status: "status",
		tier: "simple",
		ownerUserId: "simple",
		notes: "text",
		website: "simple",
		crmAccess: "simple",
	},
	current: async (ctx, m) => toClientDto(await getClient(ctx.scope, ctx.access, m.recordId)),
	changesOf: (m) => m.changes,
	async write(ctx, m, changes) {
		await updateClient(ctx.scope, ctx.access, m.recordId, changes, { actor: actorOf(ctx.auth), ...ctx.origin }, ctx.now);
	},
};
