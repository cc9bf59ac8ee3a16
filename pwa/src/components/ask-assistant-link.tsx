/** "Ask the assistant about this …": opens the assistant with the record attached, for those who may use it. */
import { can } from "../models/session";

export function AskAssistantLink({ kind, id, label }: { kind: "project" | "client" | "document"; id: string; label: string }) {
	if (!can("assistant:use")) return null;
	const query = new URLSearchParams({ about: `${kind}:${id}`, label });
	return <a href={`/assistant?${query.toString()}`}>Ask the assistant about this {kind}</a>;
}
