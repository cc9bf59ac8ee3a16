/**
 * The seam for portal context: each provider may add a note to a reply's prompt about portal
 * records the asking user may read (a project, client or document they attached, or a project or
 * client their question names). Providers read through the portal's own services and the user's ClientAccess, so the
 * assistant never sees more than the API would show that user.
 */
import type { ContextProvider, ContextRequest } from "./context-types";
import { documentContextProvider } from "./document-context";
import { clientContextProvider, projectContextProvider } from "./portal-context";

export type { ContextAttachment, ContextProvider, ContextRequest } from "./context-types";

export const contextProviders: readonly ContextProvider[] = [projectContextProvider, clientContextProvider, documentContextProvider];

/** The notes every registered provider contributes, in registration order. */
export async function gatherContext(request: ContextRequest, providers: readonly ContextProvider[] = contextProviders): Promise<string[]> {
	const notes = await Promise.all(providers.map((provider) => provider.contextFor(request)));
	return notes.flat().filter((note) => note !== "");
}
