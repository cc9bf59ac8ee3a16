/**
 * Sync sources: message threads and their messages, visible with their client (as GET /threads).
 * A message written offline is a `message.send` mutation carrying its client-generated id: it goes
 * through the same send service as REST and the MessagingHub's sockets (stored once by its id,
 * announced live to the thread only when new), so it arrives exactly once wherever it is sent from.
 */
import { and, eq, inArray } from "drizzle-orm";
import { clients, messageThreads, projects, threadMessages } from "../../../../schema/index";
import { toMessageDtos } from "../../messaging/messages";
import { sendMessage } from "../../messaging/send";
import { messagingSettingsOf } from "../../messaging/settings";
import { toThreadDto } from "../../messaging/threads";
import type { MutationHandler, SyncSourceParts } from "../source";

export const threadsSource: SyncSourceParts = {
	readPermissions: ["messages:read"],
	async load(scope, ids) {
		const [rows, settings] = await Promise.all([
			scope.db
				.select({
					thread: messageThreads,
					clientName: clients.name,
					clientTier: clients.tier,
					clientDeletedAt: clients.deletedAt,
					projectName: projects.name,
				})
				.from(messageThreads)
				.innerJoin(clients, and(eq(clients.id, messageThreads.clientId), eq(clients.tenantId, messageThreads.tenantId)))
				.leftJoin(projects, and(eq(projects.id, messageThreads.projectId), eq(projects.tenantId, messageThreads.tenantId)))
				.where(scope.where(messageThreads, inArray(messageThreads.id, ids))),
			messagingSettingsOf(scope),
		]);
		return rows.map((row) => {
			// The unread count is per person and moves with others' messages: the device counts it from its messages.
			const { unreadCount: _perPerson, ...record } = toThreadDto(row, 0, settings);
			return {
				id: row.thread.id,
				clientId: row.thread.clientId,
				live: row.thread.deletedAt === null && row.clientDeletedAt === null,
				record,
			};
		});
	},
};

export const messagesSource: SyncSourceParts = {
	readPermissions: ["messages:read"],
	async load(scope, ids) {
		const rows = await scope.db
			.select({ message: threadMessages, clientId: messageThreads.clientId, threadDeletedAt: messageThreads.deletedAt })
			.from(threadMessages)
			.leftJoin(messageThreads, and(eq(messageThreads.id, threadMessages.threadId), eq(messageThreads.tenantId, threadMessages.tenantId)))
			.where(scope.where(threadMessages, inArray(threadMessages.id, ids)));
		const dtos = await toMessageDtos(
			scope,
			rows.map((r) => r.message),
		);
		return rows.map((row, i) => ({
			id: row.message.id,
			clientId: row.clientId,
			live: row.message.deletedAt === null && row.clientId !== null && row.threadDeletedAt === null,
			record: dtos[i] ?? {},
		}));
	},
};

export const sendMessageMutation: MutationHandler<"message.send"> = {
	type: "message.send",
	entity: "thread_messages",
	permission: "messages:write",
	rules: {},
	creates: true,
	current: async () => null,
	changesOf: (m) => m.changes,
	async write(ctx, m) {
		await sendMessage(ctx, ctx.scope, ctx.access, m.changes.threadId, { id: m.recordId, body: m.changes.body }, ctx.now);
	},
};
