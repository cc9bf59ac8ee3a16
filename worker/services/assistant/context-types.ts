/**
 * What a portal-context provider is and receives (a module of types alone, so the providers and the
 * registry in context.ts import it without importing each other).
 */
import type { TenantScope } from "../../lib/db";
import type { ClientAccess } from "../portal/client-access";

/** What the user explicitly attached to the message (a 404 when they may not see it). */
export type ContextAttachment = { kind: "project" | "client" | "document"; id: string };

export type ContextRequest = {
	scope: TenantScope;
	access: ClientAccess;
	question: string;
	about?: ContextAttachment;
	/** Where document bytes are read, and whether the user holds `documents:read` (without it, an attached document is a 404). */
	documents?: { files: R2Bucket; mayRead: boolean };
};

export type ContextProvider = {
	id: string;
	/** Notes for the model (none when nothing is relevant). Must respect the user's access. */
	contextFor(request: ContextRequest): Promise<string[]>;
};
