/** Settings → AI providers: the agency connects its own OpenAI, Anthropic or OpenAI-compatible keys; replies then go through them. */
import { useEffect } from "preact/hooks";
import { AI_KEY_KINDS } from "../../../../schema/ai-models";
import { ProviderKeyCard } from "../../components/assistant/provider-key-card";
import { FormAlert } from "../../components/form-kit/form-alert";
import { loadProviderKeys, providerKeys, providerKeysProblem } from "../../models/ai-provider-keys";
import { SettingsPage } from "./settings-page";

export default function AiProviders() {
	useEffect(() => {
		void loadProviderKeys();
	}, []);
	return (
		<SettingsPage path="/settings/ai-providers">
			<FormAlert message={providerKeysProblem.value?.detail ?? null} />
			<p>
				Connect your own AI provider keys and the assistant answers through them. Each key is checked with the provider before it is saved,
				stored encrypted, and never shown again: only its last four characters. Replies are still paid in credits at each model's rate (see
				Usage). The free <strong>Demo model</strong> stays available for demos; it is not a real AI.
			</p>
			{providerKeys.value === null ? (
				<div class="card">
					<div class="skeleton skeleton-line" />
				</div>
			) : (
				AI_KEY_KINDS.map((kind) => <ProviderKeyCard key={kind} kind={kind} />)
			)}
		</SettingsPage>
	);
}
