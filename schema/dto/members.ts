/** Wire shapes of an agency's members: who they are, their role and custom role. */
import { z } from "zod";
import { PERMISSIONS, ROLES } from "../permissions";
import { RowId } from "./ids";

export const MemberView = z
	.object({
		userId: z.string(),
		name: z.string(),
		email: z.string(),
		role: z.enum(ROLES),
		customRole: z.object({ id: z.string(), name: z.string() }).nullable(),
		/** What the member may do (the custom role's permissions, else the built-in role's). */
		permissions: z.array(z.enum(PERMISSIONS)),
		joinedAt: z.number().int(),
	})
	.meta({ id: "Member" });
export type MemberView = z.infer<typeof MemberView>;

export const MemberList = z.object({ members: z.array(MemberView) }).meta({ id: "MemberList" });
export type MemberList = z.infer<typeof MemberList>;

export const UpdateMemberBody = z
	.strictObject({
		role: z.enum(ROLES, "must be owner, admin, staff or client").optional(),
		/** A custom role's id, or null to go back to the built-in role's permissions. */
		customRoleId: RowId.nullable().optional(),
	})
	.refine((b) => b.role !== undefined || b.customRoleId !== undefined, { message: "must change role or customRoleId", path: ["body"] })
	.meta({ id: "UpdateMemberBody" });
export type UpdateMemberBody = z.infer<typeof UpdateMemberBody>;

export const UserIdParams = z.strictObject({ userId: RowId.meta({ param: { name: "userId", in: "path" } }) });
