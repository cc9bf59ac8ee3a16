/** The operator console's agencies: a searchable, paged list, the chosen agency's invoices, and refunds of them. */
import { batch, signal } from "@preact/signals";
import type { Refund, RefundRequest } from "../../../schema/coupons";
import type { OperatorAgency, OperatorInvoice } from "../../../schema/operator-agencies";
import { operatorApi } from "../api/client";
import type { ProblemView } from "../api/problem";
import type { Result } from "../api/request";
import { operatorCall } from "./operator-session";

export const agencySearch = signal("");
export const agencies = signal<OperatorAgency[] | null>(null);
export const agenciesNextCursor = signal<string | null>(null);
export const agenciesProblem = signal<ProblemView | null>(null);
export const loadingMoreAgencies = signal(false);

function agenciesPage(cursor: string | null) {
	const q = agencySearch.value.trim();
	const query = { limit: "25", ...(q ? { q } : {}), ...(cursor ? { cursor } : {}) };
	return operatorCall((options) => operatorApi.api.operator.agencies.$get({ query }, options));
}

/** The first page for the current search. */
export async function loadAgencies(): Promise<void> {
	const result = await agenciesPage(null);
	batch(() => {
		agenciesProblem.value = result.ok ? null : result.problem;
		if (!result.ok) return;
		agencies.value = result.value.agencies;
		agenciesNextCursor.value = result.value.nextCursor;
	});
}

export async function loadMoreAgencies(): Promise<void> {
	if (!agenciesNextCursor.value || loadingMoreAgencies.value) return;
	loadingMoreAgencies.value = true;
	const result = await agenciesPage(agenciesNextCursor.value);
	batch(() => {
		loadingMoreAgencies.value = false;
		agenciesProblem.value = result.ok ? null : result.problem;
		if (!result.ok) return;
		agencies.value = [...(agencies.value ?? []), ...result.value.agencies];
		agenciesNextCursor.value = result.value.nextCursor;
	});
}

export const selectedAgency = signal<OperatorAgency | null>(null);
export const invoices = signal<OperatorInvoice[] | null>(null);
export const invoicesProblem = signal<ProblemView | null>(null);

async function loadInvoices(agencyId: string): Promise<void> {
	const result = await operatorCall((options) =>
		operatorApi.api.operator.agencies[":id"].invoices.$get({ param: { id: agencyId } }, options),
	);
	if (selectedAgency.value?.id !== agencyId) return;
	batch(() => {
		invoicesProblem.value = result.ok ? null : result.problem;
		if (result.ok) invoices.value = result.value.invoices;
	});
}

export function showInvoicesOf(agency: OperatorAgency): Promise<void> {
	batch(() => {
		selectedAgency.value = agency;
		invoices.value = null;
		invoicesProblem.value = null;
	});
	return loadInvoices(agency.id);
}

export type RefundInput = RefundRequest;

/** Refunds (the key makes a repeated submission answer the first refund), then reloads the invoices. */
export async function refund(input: RefundInput): Promise<Result<Refund>> {
	const result = await operatorCall((options) => operatorApi.api.operator.refunds.$post({ json: input }, options));
	if (result.ok && selectedAgency.value) await loadInvoices(selectedAgency.value.id);
	return result;
}

/** Every operator list is forgotten on sign-out. */
export function forgetAgencies(): void {
	batch(() => {
		agencies.value = null;
		agenciesNextCursor.value = null;
		selectedAgency.value = null;
		invoices.value = null;
	});
}
