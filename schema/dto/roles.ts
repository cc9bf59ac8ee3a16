/** Wire shapes of custom roles: an agency's own named sets of permissions. */
import { z } from "zod";
import { PERMISSIONS, ROLES } from "../permissions";

export const PermissionList = z
	.array(z.enum(PERMISSIONS, "must be a permission name from the catalogue"))
	.max(PERMISSIONS.length, "lists a permission twice")
	.transform((list) => PERMISSIONS.filter((p) => list.includes(p)))
	.meta({ description: "Permission names (duplicates ignored)", example: ["clients:read", "projects:read"] });

const RoleName = z.string().trim().min(1, "is required").max(60, "must be at most 60 characters");
const RoleDescription = z.string().trim().max(300, "must be at most 300 characters");

export const CreateRoleBody = z
	.strictObject({ name: RoleName, description: RoleDescription.default(""), permissions: PermissionList })
	.meta({ id: "CreateRoleBody" });
export type CreateRoleBody = z.infer<typeof CreateRoleBody>;

export const UpdateRoleBody = z
	.strictObject({ name: RoleName.optional(), description: RoleDescription.optional(), permissions: PermissionList.optional() })
	.refine((b) => b.name !== undefined || b.description !== undefined || b.permissions !== undefined, {
		message: "must change at least one of name, description, permissions",
		path: ["body"],
	})
	.meta({ id: "UpdateRoleBody" });
export type UpdateRoleBody = z.infer<typeof UpdateRoleBody>;

export const CustomRoleView = z
	.object({
		id: z.string(),
		name: z.string(),
		description: z.string(),
		permissions: z.array(z.enum(PERMISSIONS)),
		memberCount: z.number().int(),
		createdAt: z.number().int(),
		updatedAt: z.number().int(),
	})
	.meta({ id: "CustomRole" });
export type CustomRoleView = z.infer<typeof CustomRoleView>;

export const RoleList = z
	.object({
		roles: z.array(CustomRoleView),
		/** The built-in roles and what each grants, for comparison. */
		builtIn: z.array(z.object({ role: z.enum(ROLES), permissions: z.array(z.enum(PERMISSIONS)) })),
	})
	.meta({ id: "RoleList" });
export type RoleList = z.infer<typeof RoleList>;
