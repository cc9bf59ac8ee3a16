/**
 * One AI provider on Settings → AI providers: the connected key (last four only, its latest check,
 * the models it answers for on this plan) with "Check key" and "Remove key", and the form that
 * connects or replaces it. The server checks a key before saving it; a refusal lands on the field.
 */
import { useSignal } from "@preact/signals";
import type { AiKeyKind } from "../../../../schema/ai-models";
import { AI_KEY_KIND_LABELS, type AiProviderKeyView } from "../../../../schema/dto/ai-provider-keys";
import { PLANS } from "../../../../schema/plans";
import { formatDateTime } from "../../lib/date-format";
import { checkProviderKey, keyOf, removeProviderKey, saveProviderKey } from "../../models/ai-provider-keys";
import { Form, SubmitButton } from "../form-kit/form";
import { FormAlert } from "../form-kit/form-alert";
import { Field } from "../form-kit/text-field";
import { Button } from "../kit/button";
import { confirm } from "../kit/confirm";
import { StatusBadge } from "../status-badge";

const HINTS: Record<AiKeyKind, string> = {
	openai: "Replies with GPT models go through your OpenAI account instead of the platform's.",
	anthropic: "Replies with Claude models go through your Anthropic account instead of the platform's.",
	"openai-compatible":
		"Any service that speaks OpenAI's chat API (a hosted open model, your own gateway): its models appear in the assistant as “(your endpoint)”.",
};

function parseModels(text: string): string[] {
	return text
		.split(/[\s,]+/)
		.map((m) => m.trim())
		.filter(Boolean);
}

/** What the card announces after an action (its one live status line). */
type Announce = (message: string) => void;

function ConnectedKey({ view, announce }: { view: AiProviderKeyView; announce: Announce }) {
	const failure = useSignal<string | null>(null);
	const busy = useSignal(false);
	const run = async (action: () => Promise<{ ok: boolean; problem?: { detail: string } }>, done: string) => {
		busy.value = true;
		announce("");
		const result = await action();
		busy.value = false;
		failure.value = result.ok ? null : (result.problem?.detail ?? "That did not work.");
		if (result.ok) announce(done);
	};
	const passed = view.check.status === "passed";
	return (
		<>
			<FormAlert message={failure.value} />
			<dl class="key-facts">
				<div>
					<dt>Key</dt>
					<dd>
						<code>…{view.lastFour}</code>
					</dd>
				</div>
				{view.baseUrl && (
					<div>
						<dt>Address</dt>
						<dd>
							<code>{view.baseUrl}</code>
						</dd>
					</div>
				)}
				<div>
					<dt>Last check</dt>
					<dd>
						<StatusBadge status={passed ? "active" : "overdue"} label={passed ? "Passed" : "Failed"} />{" "}
						{formatDateTime(view.check.checkedAt)}
						{!passed && view.check.detail && <span class="field-error"> {view.check.detail}</span>}
					</dd>
				</div>
				<div>
					<dt>Models</dt>
					<dd>
						<ul class="plain-list">
							{view.offeredModels.map((model) => (
								<li key={model.id}>
									{model.label}
									{!model.allowed && ` — needs ${model.plans.map((p) => PLANS[p].name).join(" or ")}`}
								</li>
							))}
						</ul>
					</dd>
				</div>
			</dl>
			<div class="button-row">
				<Button aria-disabled={busy.value} onClick={() => void run(() => checkProviderKey(view.kind), "Checked.")}>
					Check key
				</Button>
				<Button
					variant="danger"
					loading={busy.value}
					onClick={async () => {
						const sure = await confirm({
							title: `Remove your ${view.label} key?`,
							message: "Replies go back to the platform's providers.",
							confirmLabel: "Remove key",
							danger: true,
						});
						if (sure) void run(() => removeProviderKey(view.kind), "Removed.");
					}}
				>
					Remove key
				</Button>
			</div>
		</>
	);
}

function KeyForm({ kind, connected, announce }: { kind: AiKeyKind; connected: AiProviderKeyView | undefined; announce: Announce }) {
	const endpoint = kind === "openai-compatible";
	const apiKey = useSignal("");
	const baseUrl = useSignal(connected?.baseUrl ?? "");
	const models = useSignal(connected?.models.join(", ") ?? "");
	const id = (field: string) => `${kind}-${field}`;
	const send = () =>
		saveProviderKey(kind, {
			...(apiKey.value.trim() ? { apiKey: apiKey.value.trim() } : {}),
			...(endpoint ? { baseUrl: baseUrl.value.trim(), models: parseModels(models.value) } : {}),
		});
	return (
		<Form
			aria-label={`${connected ? "Replace" : "Connect"} ${AI_KEY_KIND_LABELS[kind]} key`}
			send={send}
			check={() => ({ apiKey: !connected && !apiKey.value.trim() ? "is required" : undefined })}
			onSuccess={(view) => {
				apiKey.value = "";
				announce(`Key …${view.lastFour} checked and saved.`);
			}}
		>
			{endpoint && (
				<Field
					id={id("base-url")}
					name="baseUrl"
					label="Base URL"
					type="url"
					verbatim
					value={baseUrl.value}
					placeholder="https://api.example.com/v1"
					hint="The address that /models and /chat/completions are under, usually ending in /v1."
					onInput={(value) => (baseUrl.value = value)}
				/>
			)}
			<Field
				id={id("api-key")}
				name="apiKey"
				label={connected ? "New API key (optional)" : "API key"}
				type="password"
				autoComplete="off"
				verbatim
				required={!connected}
				value={apiKey.value}
				hint={
					connected
						? `Leave empty to keep the key ending …${connected.lastFour}.`
						: "Shown once as you type; afterwards only its last four characters."
				}
				onInput={(value) => (apiKey.value = value)}
			/>
			{endpoint && (
				<Field
					id={id("models")}
					name="models"
					label="Models"
					verbatim
					value={models.value}
					placeholder="llama-3.3-70b, mistral-large"
					hint="The model names the endpoint serves, separated by commas; each appears in the assistant."
					onInput={(value) => (models.value = value)}
				/>
			)}
			<SubmitButton busyLabel="Checking the key…">{connected ? "Check and replace" : "Check and connect"}</SubmitButton>
		</Form>
	);
}

export function ProviderKeyCard({ kind }: { kind: AiKeyKind }) {
	const connected = keyOf(kind);
	const headingId = `${kind}-heading`;
	const status = useSignal("");
	const announce = (message: string) => {
		status.value = message;
	};
	return (
		<section class="card" aria-labelledby={headingId}>
			<h2 id={headingId}>{AI_KEY_KIND_LABELS[kind]}</h2>
			<p class="field-hint">{HINTS[kind]}</p>
			{connected ? <ConnectedKey view={connected} announce={announce} /> : <p>Not connected.</p>}
			<KeyForm key={connected?.updatedAt ?? "new"} kind={kind} connected={connected} announce={announce} />
			<p role="status">{status.value}</p>
		</section>
	);
}
