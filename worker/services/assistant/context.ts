/**
 * The seam for portal context: each provider may add a short system note to a reply's prompt
 * (e.g. the user's documents, clients or projects, limited to what that user may see). None is
 * registered yet — portal data is built on another branch; add providers to `contextProviders`.
 */
import type { Role } from "../../../schema/permissions";
import type { TenantScope } from "../../lib/db";

export type ContextRequest = { scope: TenantScope; userId: string; role: Role; question: string };

export type ContextProvider = {
	id: string;
	/** A note for the model, or null when this provider has nothing relevant. Must respect the user's permissions. */
	contextFor(request: ContextRequest): Promise<string | null>;
};

export const contextProviders: readonly ContextProvider[] = [];

/** The notes every registered provider contributes, in registration order. */
export async function gatherContext(request: ContextRequest, providers: readonly ContextProvider[] = contextProviders): Promise<string[]> {
	const notes = await Promise.all(providers.map((provider) => provider.contextFor(request)));
	return notes.filter((note): note is string => note !== null && note !== "");
}
