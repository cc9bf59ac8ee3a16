/**
 * A client's People card as the agency manages it: the people linked to the client, its open
 * invitations, and the client-role members linked to no client yet, with the actions that change
 * them (invite, resend, revoke, link, unlink); each action reloads what it touched.
 */
import { signal } from "@preact/signals";
import type { InvitationView } from "../../../schema/dto/invitations";
import type { ClientPersonT } from "../../../schema/dto/portal";
import { api } from "../api/client";
import { fetchJson } from "../api/fetch-json";
import type { Result } from "../api/request";
import { can } from "./session";

export type LinkCandidate = { userId: string; name: string; email: string };

export const clientPeople = signal<ClientPersonT[] | null>(null);
export const clientInvitations = signal<InvitationView[]>([]);
export const linkCandidates = signal<LinkCandidate[]>([]);

/** Loads the card for `clientId` (the invitations and candidates only for those who may manage them). */
export async function loadClientPeople(clientId: string): Promise<void> {
	const param = { param: { id: clientId } };
	const manage = can("clients:write");
	const [people, invitations, candidates] = await Promise.all([
		fetchJson(() => api.api.v1.clients[":id"].people.$get(param)),
		manage ? fetchJson(() => api.api.v1.clients[":id"].invitations.$get(param)) : null,
		manage ? fetchJson(() => api.api.v1.clients[":id"].people.candidates.$get(param)) : null,
	]);
	clientPeople.value = people.ok ? people.value.people : [];
	clientInvitations.value = invitations?.ok ? invitations.value.invitations : [];
	linkCandidates.value = candidates?.ok ? candidates.value.candidates : [];
}

async function andReload<T>(clientId: string, result: Promise<Result<T>>): Promise<Result<T>> {
	const done = await result;
	if (done.ok) await loadClientPeople(clientId);
	return done;
}

export function inviteClientPerson(clientId: string, json: { name: string; email: string; title?: string }) {
	return andReload(
		clientId,
		fetchJson(() => api.api.v1.clients[":id"].invitations.$post({ param: { id: clientId }, json })),
	);
}

export function resendClientInvitation(clientId: string, invitationId: string) {
	return andReload(
		clientId,
		fetchJson(() => api.api.v1.clients[":id"].invitations[":invitationId"].resend.$post({ param: { id: clientId, invitationId } })),
	);
}

export function revokeClientInvitation(clientId: string, invitationId: string) {
	return andReload(
		clientId,
		fetchJson(() => api.api.v1.clients[":id"].invitations[":invitationId"].$delete({ param: { id: clientId, invitationId } })),
	);
}

export function linkPerson(clientId: string, userId: string) {
	return andReload(
		clientId,
		fetchJson(() => api.api.v1.clients[":id"].people[":userId"].$put({ param: { id: clientId, userId } })),
	);
}

export function unlinkPerson(clientId: string, userId: string) {
	return andReload(
		clientId,
		fetchJson(() => api.api.v1.clients[":id"].people[":userId"].$delete({ param: { id: clientId, userId } })),
	);
}
