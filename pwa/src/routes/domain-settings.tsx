/**
 * Settings → Domains (whoever holds tenant:manage: owners and admins, or a custom role): the agency's addresses, adding its own domain with the
 * DNS records to create, checking them, choosing the primary address and removing a domain.
 */
import { useEffect } from "preact/hooks";
import type { TenantDomainView } from "../../../schema/dto/domains";
import { FormAlert } from "../components/form-kit/form-alert";
import { Field } from "../components/form-kit/text-field";
import { DataTable } from "../components/kit/data-table";
import { FeatureGate } from "../components/plan-gate";
import {
	addDomain,
	domains,
	domainsMessage,
	domainsProblem,
	loadDomains,
	makePrimary,
	newHostname,
	removeDomain,
	verifyDomain,
	working,
} from "../models/domains";
import { SettingsPage } from "./settings/settings-page";

const STATUS_LABELS = { active: "Active", pending_verification: "Waiting for DNS" } as const;

function DomainCard({ domain }: { domain: TenantDomainView }) {
	const busy = working.value === domain.id;
	return (
		<li class="card domain">
			<h3>
				{domain.hostname} {domain.primary && <span class="badge">Primary</span>}
			</h3>
			<p>
				Status: <strong>{STATUS_LABELS[domain.status]}</strong>
				{domain.certificateStatus && ` · certificate ${domain.certificateStatus}`}
			</p>
			{domain.lastCheckError && <p class="field-error">{domain.lastCheckError}</p>}
			{domain.status === "pending_verification" && domain.dnsRecords.length > 0 && (
				<DataTable
					caption="DNS records to create at your domain's DNS provider"
					showCaption
					rows={domain.dnsRecords}
					rowKey={(record) => record.type}
					empty=""
					columns={[
						{ key: "type", header: "Type", cell: (record) => record.type },
						{ key: "name", header: "Name", cell: (record) => <code>{record.name}</code> },
						{ key: "value", header: "Value", cell: (record) => <code>{record.value}</code> },
					]}
				/>
			)}
			<div class="actions">
				{domain.status === "pending_verification" && (
					<button type="button" class="button secondary" disabled={busy} onClick={() => void verifyDomain(domain.id)}>
						Check DNS now
					</button>
				)}
				{domain.status === "active" && !domain.primary && (
					<button type="button" class="button secondary" disabled={busy} onClick={() => void makePrimary(domain.id)}>
						Make primary
					</button>
				)}
				{domain.kind === "custom" && (
					<button
						type="button"
						class="button secondary"
						disabled={busy}
						aria-label={`Remove ${domain.hostname}`}
						onClick={() => void removeDomain(domain.id)}
					>
						Remove
					</button>
				)}
			</div>
		</li>
	);
}

export default function DomainSettings() {
	useEffect(() => {
		void loadDomains();
	}, []);
	const problem = domainsProblem.value;
	return (
		<SettingsPage path="/settings/domains">
			<p class="lead">Serve your portal at your own address, like portal.youragency.com.</p>
			{domainsMessage.value && (
				<p role="status" class="notice">
					{domainsMessage.value}
				</p>
			)}
			<FeatureGate feature="custom_domain" what="custom domains">
				<form
					class="card"
					noValidate
					onSubmit={(e) => {
						e.preventDefault();
						void addDomain();
					}}
				>
					<FormAlert message={problem && !problem.fields.hostname ? problem.detail : null} />
					<Field
						id="hostname"
						label="Your domain"
						value={newHostname.value}
						onInput={(v) => (newHostname.value = v)}
						error={problem?.fields.hostname}
						hint="A sub-domain you own, e.g. portal.youragency.com"
						verbatim
					/>
					<button type="submit" class="button primary" disabled={working.value === "add"}>
						Add domain
					</button>
				</form>
			</FeatureGate>
			<ul class="domain-list">
				{domains.value.map((domain) => (
					<DomainCard key={domain.id} domain={domain} />
				))}
			</ul>
		</SettingsPage>
	);
}
