/** Accepting an invitation: its public preview, and the acceptance that signs the invitee in. */
import { signal } from "@preact/signals";
import type { InvitationPreview } from "../../../schema/dto/invitations";
import { api } from "../api/client";
import { warmApiCache } from "../api/offline-cache";
import { type ProblemView, readProblem } from "../api/problem";
import { type Result, send } from "../api/request";
import { me } from "./session";

export const preview = signal<InvitationPreview | null>(null);
export const previewProblem = signal<ProblemView | null>(null);

export async function loadPreview(token: string): Promise<void> {
	preview.value = null;
	previewProblem.value = null;
	const result = await send(() => api.api.v1.invitations.accept[":token"].$get({ param: { token } }));
	if (!result.ok) {
		previewProblem.value = result.problem;
		return;
	}
	if (result.value.status === 200) preview.value = await result.value.json();
}

/** Accepts; on success the signed-in user is whoever the invitation made them. */
export async function acceptInvitation(body: { token: string; name?: string; password?: string }): Promise<Result<null>> {
	const result = await send(() => api.api.v1.invitations.accept.$post({ json: body }));
	if (!result.ok) return result;
	if (result.value.status !== 200) return { ok: false, problem: await readProblem(result.value) };
	me.value = await result.value.json();
	void warmApiCache();
	return { ok: true, value: null };
}
