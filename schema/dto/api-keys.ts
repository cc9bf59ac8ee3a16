/** Wire shapes of API keys: creating one (the key is shown once), and the list. */
import { z } from "zod";
import { PERMISSIONS } from "../permissions";
import { PermissionList } from "./roles";

export const CreateApiKeyBody = z
	.strictObject({
		name: z.string().trim().min(1, "is required").max(100, "must be at most 100 characters"),
		/** What the key may do: permission names, never beyond the creator's own. */
		scopes: PermissionList.refine((list) => list.length > 0, "must name at least one permission"),
		/** When the key stops working (ms since the epoch); omit for a key that lasts until revoked. */
		expiresAt: z.number("must be milliseconds since the epoch").int("must be milliseconds since the epoch").optional(),
	})
	.meta({ id: "CreateApiKeyBody" });
export type CreateApiKeyBody = z.infer<typeof CreateApiKeyBody>;

export const ApiKeyView = z
	.object({
		id: z.string(),
		name: z.string(),
		/** Shown to tell keys apart: the key begins `atr_<prefix>_`. */
		prefix: z.string(),
		scopes: z.array(z.enum(PERMISSIONS)),
		createdBy: z.string(),
		createdAt: z.number().int(),
		expiresAt: z.number().int().nullable(),
		lastUsedAt: z.number().int().nullable(),
		lastUsedIp: z.string().nullable(),
	})
	.meta({ id: "ApiKey" });
export type ApiKeyView = z.infer<typeof ApiKeyView>;

export const CreatedApiKey = z
	.object({ apiKey: ApiKeyView, key: z.string().meta({ description: "The secret key, shown this once: `atr_<prefix>_<secret>`" }) })
	.meta({ id: "CreatedApiKey" });
export type CreatedApiKey = z.infer<typeof CreatedApiKey>;

export const ApiKeyList = z.object({ apiKeys: z.array(ApiKeyView) }).meta({ id: "ApiKeyList" });
export type ApiKeyList = z.infer<typeof ApiKeyList>;
