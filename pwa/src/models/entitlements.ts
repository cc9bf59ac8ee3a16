/**
 * What the agency's plan allows now, as a signal every staff screen can read (GET /api/v1/entitlements):
 * features, counted limits and what is left, and whether access is reduced for an overdue payment.
 */
import { signal } from "@preact/signals";
import type { EntitlementsResponse } from "../../../schema/entitlements";
import { api } from "../api/client";
import { send } from "../api/request";

export const entitlements = signal<EntitlementsResponse | null>(null);

/** Reads the entitlements again (after a plan change, or when a gated screen opens). */
export async function loadEntitlements(): Promise<void> {
	const result = await send(() => api.api.v1.entitlements.$get());
	if (result.ok && result.value.status === 200) entitlements.value = await result.value.json();
}
