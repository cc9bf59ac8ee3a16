/**
 * The SSO email domains with their DNS proof: for each, the TXT record to publish, its state, the
 * last check's error and (for owners) a button to check it now. Only verified domains are used.
 */

import type { SsoDomainState } from "../../../../schema/dto/sso";
import { Button } from "../../components/kit/button";
import { DataTable } from "../../components/kit/data-table";

type Props = { states: SsoDomainState[]; canManage: boolean; busy: boolean; onVerify: (domain: string) => void };

export function SsoDomainList({ states, canManage, busy, onVerify }: Props) {
	return (
		<ul class="sso-domains">
			{states.map((state) => (
				<li key={state.domain} class="domain">
					<h3>{state.domain}</h3>
					<p>
						Status: <strong>{state.status === "verified" ? "Verified" : "Waiting for DNS"}</strong>
					</p>
					{state.lastCheckError && state.status === "pending" && <p class="field-error">{state.lastCheckError}</p>}
					{state.status === "pending" &&
						(state.txtValue ? (
							<DataTable
								caption={`TXT record to create at ${state.domain}'s DNS provider`}
								showCaption
								rows={[state]}
								rowKey={(s) => s.domain}
								empty=""
								columns={[
									{ key: "type", header: "Type", cell: () => "TXT" },
									{ key: "name", header: "Name", cell: (s) => <code>{s.txtName}</code> },
									{ key: "value", header: "Value", cell: (s) => <code>{s.txtValue}</code> },
								]}
							/>
						) : (
							<p>Save the settings again to get this domain's verification record.</p>
						))}
					{canManage && state.status === "pending" && state.txtValue && (
						<Button loading={busy} label={`Verify ${state.domain}`} onClick={() => onVerify(state.domain)}>
							Verify
						</Button>
					)}
				</li>
			))}
		</ul>
	);
}
