/** API keys: create one with scopes (shown once, with a copy button), see when each was last used, revoke. */
import { useSignal } from "@preact/signals";
import { useEffect } from "preact/hooks";
import type { Permission } from "../../../../schema/permissions";
import type { ProblemView } from "../../api/problem";
import { FormAlert } from "../../components/form-alert";
import { PermissionPicker } from "../../components/permission-picker";
import { FeatureGate } from "../../components/plan-gate";
import { apiKeys, apiKeysProblem, createApiKey, loadApiKeys, revealedKey, revokeApiKey } from "../../models/api-keys";
import { SettingsPage } from "./settings-page";

const DAY = 24 * 60 * 60 * 1000;
const EXPIRY_CHOICES = [
	{ value: "", label: "Never (until revoked)" },
	{ value: "30", label: "In 30 days" },
	{ value: "90", label: "In 90 days" },
	{ value: "365", label: "In a year" },
];
const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });

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
	const expiry = useSignal("");
	const scopes = useSignal<ReadonlySet<Permission>>(new Set());
	const problem = useSignal<ProblemView | null>(null);
	const submit = async (event: Event) => {
		event.preventDefault();
		const days = Number(expiry.value);
		const result = await createApiKey({
			name: name.value.trim(),
			scopes: [...scopes.value],
			...(days ? { expiresAt: Date.now() + days * DAY } : {}),
		});
		problem.value = result.ok ? null : result.problem;
		if (result.ok) {
			name.value = "";
			scopes.value = new Set();
		}
	};
	const nameError = problem.value?.fields.name;
	return (
		<form class="card" aria-labelledby="new-key-heading" onSubmit={submit} noValidate>
			<h2 id="new-key-heading">New API key</h2>
			<FormAlert message={problem.value && !nameError ? problem.value.detail : null} />
			<div class="field">
				<label for="key-name">Name</label>
				<input
					id="key-name"
					value={name.value}
					maxLength={100}
					required
					onInput={(e) => (name.value = e.currentTarget.value)}
					aria-invalid={nameError ? "true" : undefined}
					aria-describedby={nameError ? "key-name-error" : undefined}
				/>
				{nameError && (
					<p id="key-name-error" class="field-error">
						Name {nameError}
					</p>
				)}
			</div>
			<div class="field">
				<label for="key-expiry">Expires</label>
				<select id="key-expiry" value={expiry.value} onChange={(e) => (expiry.value = e.currentTarget.value)}>
					{EXPIRY_CHOICES.map((c) => (
						<option key={c.value} value={c.value}>
							{c.label}
						</option>
					))}
				</select>
			</div>
			<PermissionPicker
				idPrefix="key-scope"
				legend="Scopes"
				selected={scopes.value}
				error={problem.value?.fields.scopes}
				onToggle={(permission, on) => {
					const next = new Set(scopes.value);
					if (on) next.add(permission);
					else next.delete(permission);
					scopes.value = next;
				}}
			/>
			<button type="submit" class="button primary">
				Create key
			</button>
		</form>
	);
}

export default function ApiKeys() {
	const failure = useSignal<string | null>(null);
	useEffect(() => {
		void loadApiKeys();
		return () => {
			revealedKey.value = null;
		};
	}, []);
	return (
		<SettingsPage path="/settings/api-keys">
			<FormAlert message={failure.value ?? apiKeysProblem.value?.detail ?? null} />
			<Revealed />
			<section class="card" aria-labelledby="keys-heading">
				<h2 id="keys-heading">Keys</h2>
				{apiKeys.value === null ? (
					<div class="skeleton skeleton-line" />
				) : apiKeys.value.length === 0 ? (
					<p>No API keys yet.</p>
				) : (
					<table>
						<thead>
							<tr>
								<th scope="col">Name</th>
								<th scope="col">Key</th>
								<th scope="col">Scopes</th>
								<th scope="col">Created</th>
								<th scope="col">Expires</th>
								<th scope="col">Last used</th>
								<th scope="col">Actions</th>
							</tr>
						</thead>
						<tbody>
							{apiKeys.value.map((key) => (
								<tr key={key.id}>
									<td>{key.name}</td>
									<td>
										<code>atr_{key.prefix}_…</code>
									</td>
									<td>{key.scopes.join(", ")}</td>
									<td>
										{dateTime.format(key.createdAt)} by {key.createdBy}
									</td>
									<td>{key.expiresAt ? dateTime.format(key.expiresAt) : "Never"}</td>
									<td>
										{key.lastUsedAt ? `${dateTime.format(key.lastUsedAt)}${key.lastUsedIp ? ` from ${key.lastUsedIp}` : ""}` : "Never"}
									</td>
									<td>
										<button
											type="button"
											class="button small secondary"
											onClick={async () => {
												const result = await revokeApiKey(key.id);
												failure.value = result.ok ? null : result.problem.detail;
											}}
										>
											Revoke<span class="visually-hidden"> {key.name}</span>
										</button>
									</td>
								</tr>
							))}
						</tbody>
					</table>
				)}
			</section>
			<FeatureGate feature="api_access" what="API access">
				<CreateForm />
			</FeatureGate>
		</SettingsPage>
	);
}
