/** API keys: create one with scopes (shown once, with a copy button), see when each was last used, revoke. */
import { useSignal } from "@preact/signals";
import { useEffect } from "preact/hooks";
import type { Permission } from "../../../../schema/permissions";
import { Form, SubmitButton } from "../../components/form-kit/form";
import { FormAlert } from "../../components/form-kit/form-alert";
import { SelectField } from "../../components/form-kit/select-field";
import { Field } from "../../components/form-kit/text-field";
import { type Column, DataTable } from "../../components/kit/data-table";
import { PermissionPicker } from "../../components/permission-picker";
import { FeatureGate, useFreshEntitlements } from "../../components/plan-gate";
import { formatDateTime } from "../../lib/date-format";
import { apiKeys, apiKeysProblem, createApiKey, loadApiKeys, revealedKey, revokeApiKey } from "../../models/api-keys";
import { SettingsPage } from "./settings-page";

const DAY = 24 * 60 * 60 * 1000;
const EXPIRY_CHOICES = [
	{ value: "", label: "Never (until revoked)" },
	{ value: "30", label: "In 30 days" },
	{ value: "90", label: "In 90 days" },
	{ value: "365", label: "In a year" },
] as const;

function Revealed() {
	const copied = useSignal(false);
	const shown = revealedKey.value;
	if (!shown) return null;
	return (
		<section class="card notice-card" aria-labelledby="revealed-heading">
			<h2 id="revealed-heading">Your new key “{shown.name}”</h2>
			<p>
				Copy it now: it is shown only this once. Send it as <code>Authorization: Bearer …</code>.
			</p>
			<div class="field">
				<label for="revealed-key">API key</label>
				<input id="revealed-key" readOnly value={shown.key} onFocus={(e) => e.currentTarget.select()} />
			</div>
			<button
				type="button"
				class="button primary"
				onClick={async () => {
					await navigator.clipboard?.writeText(shown.key);
					copied.value = true;
				}}
			>
				Copy key
			</button>{" "}
			<button type="button" class="button secondary" onClick={() => (revealedKey.value = null)}>
				Done
			</button>
			<p role="status">{copied.value ? "Copied." : ""}</p>
		</section>
	);
}

function CreateForm() {
	const name = useSignal("");
	const expiry = useSignal<(typeof EXPIRY_CHOICES)[number]["value"]>("");
	const scopes = useSignal<ReadonlySet<Permission>>(new Set());
	const send = () => {
		const days = Number(expiry.value);
		return createApiKey({ name: name.value.trim(), scopes: [...scopes.value], ...(days ? { expiresAt: Date.now() + days * DAY } : {}) });
	};
	return (
		<Form
			class="card"
			aria-labelledby="new-key-heading"
			send={send}
			onSuccess={() => {
				name.value = "";
				scopes.value = new Set();
			}}
		>
			<h2 id="new-key-heading">New API key</h2>
			<Field id="key-name" name="name" label="Name" value={name.value} maxLength={100} onInput={(value) => (name.value = value)} />
			<SelectField
				id="key-expiry"
				name="expiresAt"
				label="Expires"
				value={expiry.value}
				options={EXPIRY_CHOICES}
				onChange={(value) => (expiry.value = value)}
			/>
			<PermissionPicker
				idPrefix="key-scope"
				legend="Scopes"
				name="scopes"
				selected={scopes.value}
				onToggle={(permission, on) => {
					const next = new Set(scopes.value);
					if (on) next.add(permission);
					else next.delete(permission);
					scopes.value = next;
				}}
			/>
			<SubmitButton busyLabel="Creating…">Create key</SubmitButton>
		</Form>
	);
}

type ApiKeyRow = NonNullable<typeof apiKeys.value>[number];

function keyColumns(revoke: (id: string) => Promise<unknown>): Column<ApiKeyRow>[] {
	return [
		{ key: "name", header: "Name", cell: (key) => key.name, sort: (a, b) => a.name.localeCompare(b.name) },
		{ key: "key", header: "Key", cell: (key) => <code>atr_{key.prefix}_…</code> },
		{ key: "scopes", header: "Scopes", cell: (key) => key.scopes.join(", ") },
		{
			key: "created",
			header: "Created",
			cell: (key) => `${formatDateTime(key.createdAt)} by ${key.createdBy}`,
			sort: (a, b) => a.createdAt - b.createdAt,
		},
		{ key: "expires", header: "Expires", cell: (key) => (key.expiresAt ? formatDateTime(key.expiresAt) : "Never") },
		{
			key: "used",
			header: "Last used",
			cell: (key) => (key.lastUsedAt ? `${formatDateTime(key.lastUsedAt)}${key.lastUsedIp ? ` from ${key.lastUsedIp}` : ""}` : "Never"),
		},
		{
			key: "actions",
			header: "Actions",
			cell: (key) => (
				<button type="button" class="button small secondary" onClick={() => void revoke(key.id)}>
					Revoke<span class="visually-hidden"> {key.name}</span>
				</button>
			),
		},
	];
}

export default function ApiKeys() {
	const failure = useSignal<string | null>(null);
	useEffect(() => {
		void loadApiKeys();
		return () => {
			revealedKey.value = null;
		};
	}, []);
	const current = useFreshEntitlements();
	// Without API access the upgrade prompt comes first, and the key list shows only keys kept from an earlier plan.
	const withoutAccess = current !== null && !current.features.api_access;
	const keys = apiKeys.value;
	return (
		<SettingsPage path="/settings/api-keys">
			<FormAlert message={failure.value ?? apiKeysProblem.value?.detail ?? null} />
			<FeatureGate feature="api_access" what="API access">
				<Revealed />
				<CreateForm />
			</FeatureGate>
			{!(withoutAccess && keys?.length === 0) && (
				<section class="card" aria-labelledby="keys-heading">
					<h2 id="keys-heading">Keys</h2>
					{keys === null ? (
						<div class="skeleton skeleton-line" />
					) : (
						<DataTable
							caption="API keys"
							rows={keys}
							rowKey={(key) => key.id}
							empty="No API keys yet."
							columns={keyColumns((id) => revokeApiKey(id).then((result) => (failure.value = result.ok ? null : result.problem.detail)))}
						/>
					)}
				</section>
			)}
		</SettingsPage>
	);
}
