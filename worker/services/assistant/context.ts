/**
 * The seam for portal context: each provider may add a note to a reply's prompt about portal
 * records the asking user may read (a project, client or document they attached, or a project or
 * client their question names). Providers read through the portal's own services and the user's ClientAccess, so the
 * assistant never sees more than the API would show that user.
 */
import type { TenantScope } from "../../lib/db";
import type { ClientAccess } from "../portal/client-access";
import { documentContextProvider } from "./document-context";
import { clientContextProvider, projectContextProvider } from "./portal-context";

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

export const contextProviders: readonly ContextProvider[] = [projectContextProvider, clientContextProvider, documentContextProvider];

/** The notes every registered provider contributes, in registration order. */
export async function gatherContext(request: ContextRequest, providers: readonly ContextProvider[] = contextProviders): Promise<string[]> {
	const notes = await Promise.all(providers.map((provider) => provider.contextFor(request)));
	return notes.flat().filter((note) => note !== "");
}
