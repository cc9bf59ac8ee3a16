/**
 * The CRM card of a client's page (staff who may change clients): what the client's people may do
 * in their own CRM workspace — nothing (the default), view, or manage. Saved (and audited) on change.
 */
import { useSignal } from "@preact/signals";
import { CRM_ACCESS_LEVELS, type CrmAccessLevel } from "../../../schema/crm";
import { CRM_ACCESS_LABELS } from "../lib/portal-labels";
import { setCrmAccess } from "../models/client-detail";
import { FormAlert } from "./form-kit/form-alert";
import { SelectField } from "./form-kit/select-field";

const OPTIONS = CRM_ACCESS_LEVELS.map((value) => ({ value, label: CRM_ACCESS_LABELS[value] }));

export function ClientCrmAccess({ clientId, clientName, level }: { clientId: string; clientName: string; level: CrmAccessLevel }) {
	const alert = useSignal<string | null>(null);
	const saved = useSignal<string | null>(null);
	return (
		<section class="card" aria-labelledby="client-crm-heading">
			<h2 id="client-crm-heading">CRM</h2>
			<FormAlert message={alert.value} />
			<SelectField
				id="client-crm-access"
				label={`CRM access for ${clientName}'s people`}
				hint="Their own workspace only; your agency's own contacts and other clients' stay hidden."
				value={level}
				options={OPTIONS}
				onChange={async (chosen) => {
					saved.value = null;
					const result = await setCrmAccess(clientId, chosen);
					alert.value = result.ok ? null : result.problem.detail;
					if (result.ok) saved.value = `Saved: ${CRM_ACCESS_LABELS[chosen]}.`;
				}}
			/>
			<p role="status" class="status-line">
				{saved.value}
			</p>
		</section>
	);
}
