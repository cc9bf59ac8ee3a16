/**
 * Invitations to join an agency, and the agency's rule on which email domains may be invited. Only
 * the SHA-256 of an invitation's token is stored; resending replaces it, so the old link dies.
 */
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { ROLES } from "../permissions";
import { tenants } from "./tenants";

export const invitations = sqliteTable(
	"invitations",
	{
		id: text("id").primaryKey(),
		tenantId: text("tenant_id")
			.notNull()
			.references(() => tenants.id, { onDelete: "cascade" }),
		email: text("email").notNull(),
		emailNormalized: text("email_normalized").notNull(),
		role: text("role", { enum: ROLES }).notNull(),
		customRoleId: text("custom_role_id"),
		/** The client (company) whose portal the invitee joins: accepting links them to it. */
		clientId: text("client_id"),
		/** The invitee's name as the inviter gave it (prefills the join form); null when not given. */
		name: text("name"),
		/** Their role in the client's company ("Marketing lead"), kept on their client link. */
		title: text("title"),
		/** Hex SHA-256 of the current token. */
		tokenHash: text("token_hash").notNull(),
		expiresAt: integer("expires_at").notNull(),
		invitedByUserId: text("invited_by_user_id"),
		invitedByLabel: text("invited_by_label").notNull(),
		acceptedAt: integer("accepted_at"),
		acceptedUserId: text("accepted_user_id"),
		revokedAt: integer("revoked_at"),
		lastSentAt: integer("last_sent_at").notNull(),
		createdAt: integer("created_at").notNull(),
	},
	(t) => [uniqueIndex("invitations_token_unique").on(t.tokenHash), index("invitations_tenant_email_idx").on(t.tenantId, t.emailNormalized)],
);

export const invitationDomains = sqliteTable(
	"invitation_domains",
	{
		tenantId: text("tenant_id")
			.notNull()
			.references(() => tenants.id, { onDelete: "cascade" }),
		/** Lower-case domain, e.g. `acme.com`: invitations may go only to addresses at these domains (none listed: any). */
		domain: text("domain").notNull(),
		createdAt: integer("created_at").notNull(),
	},
	(t) => [primaryKey({ columns: [t.tenantId, t.domain] })],
);

export type Invitation = typeof invitations.$inferSelect;
