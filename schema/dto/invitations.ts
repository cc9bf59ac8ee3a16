/** Wire shapes of invitations: sending one, the list, the public preview and accepting. */
import { z } from "zod";
import { ROLES } from "../permissions";
import { EmailSchema, PasswordSchema } from "./auth";
import { RowId } from "./ids";

export const INVITATION_STATUSES = ["pending", "accepted", "revoked", "expired"] as const;
export type InvitationStatus = (typeof INVITATION_STATUSES)[number];

/** The id of one of the agency's clients: a client-role invitation naming it links the invitee to it on acceptance. */
export const ClientRef = z
	.string()
	.regex(/^[A-Za-z0-9_-]{1,64}$/, "must be 1-64 letters, digits, hyphens or underscores")
	.meta({ example: "client_42" });

/** The invitee's name as the inviter gives it (they may change it when joining). */
const InviteeName = z.string().trim().min(1, "is required").max(100, "must be at most 100 characters");
/** Their role in the client's company ("Marketing lead"). */
const InviteeTitle = z.string().trim().max(100, "must be at most 100 characters");

export const CreateInvitationBody = z
	.strictObject({
		email: EmailSchema,
		/** The built-in role; defaults to staff when only customRoleId is given. */
		role: z.enum(ROLES, "must be owner, admin, staff or client").optional(),
		customRoleId: RowId.optional(),
		/** For the client role: the client company the invitee joins (linked on acceptance). */
		clientId: ClientRef.nullable().optional(),
		name: InviteeName.optional(),
		title: InviteeTitle.optional(),
	})
	.refine((b) => b.role !== undefined || b.customRoleId !== undefined, { message: "is required (or give customRoleId)", path: ["role"] })
	.meta({ id: "CreateInvitationBody" });
export type CreateInvitationBody = z.infer<typeof CreateInvitationBody>;

export const InvitationView = z
	.object({
		id: z.string(),
		email: z.string(),
		role: z.enum(ROLES),
		customRole: z.object({ id: z.string(), name: z.string() }).nullable(),
		clientId: z.string().nullable(),
		name: z.string().nullable(),
		title: z.string().nullable(),
		status: z.enum(INVITATION_STATUSES),
		invitedBy: z.string(),
		createdAt: z.number().int(),
		lastSentAt: z.number().int(),
		expiresAt: z.number().int(),
		acceptedAt: z.number().int().nullable(),
		revokedAt: z.number().int().nullable(),
	})
	.meta({ id: "Invitation" });
export type InvitationView = z.infer<typeof InvitationView>;

export const InvitationList = z.object({ invitations: z.array(InvitationView) }).meta({ id: "InvitationList" });
export type InvitationList = z.infer<typeof InvitationList>;

export const InvitationListQuery = z.strictObject({
	status: z.enum(INVITATION_STATUSES, "must be pending, accepted, revoked or expired").optional(),
});

/** Inviting one of a client's people from the client's page: they join with the client role, linked to it. */
export const InviteClientPersonBody = z
	.strictObject({ name: InviteeName, email: EmailSchema, title: InviteeTitle.optional() })
	.meta({ id: "InviteClientPersonBody" });
export type InviteClientPersonBody = z.infer<typeof InviteClientPersonBody>;

export const InvitationToken = z.string().regex(/^[a-z2-7]{32}$/, "is not a valid invitation link");

export const InvitationPreview = z
	.object({
		agency: z.object({ name: z.string() }),
		email: z.string(),
		role: z.enum(ROLES),
		customRoleName: z.string().nullable(),
		/** The name the inviter gave (prefills the join form). */
		name: z.string().nullable(),
		/** The client company whose portal the invitee joins. */
		client: z.object({ name: z.string() }).nullable(),
		/** Whether this email already has an account here: then the invitee signs in (or gives their password) to accept. */
		accountExists: z.boolean(),
		expiresAt: z.number().int(),
	})
	.meta({ id: "InvitationPreview" });
export type InvitationPreview = z.infer<typeof InvitationPreview>;

export const AcceptInvitationBody = z
	.strictObject({
		token: InvitationToken,
		/** Required for a new account. */
		name: z.string().trim().min(1, "is required").max(100, "must be at most 100 characters").optional(),
		/** A new account's password, or an existing account's password when not signed in. */
		password: PasswordSchema.optional(),
	})
	.meta({ id: "AcceptInvitationBody" });
export type AcceptInvitationBody = z.infer<typeof AcceptInvitationBody>;

const Domain = z
	.string()
	.trim()
	.toLowerCase()
	.regex(/^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/, "must be a domain name like example.com");

export const InvitationDomains = z
	.strictObject({ domains: z.array(Domain).max(50, "may list at most 50 domains") })
	.meta({ id: "InvitationDomains", description: "Invitations may go only to addresses at these domains; an empty list allows any." });
export type InvitationDomains = z.infer<typeof InvitationDomains>;
