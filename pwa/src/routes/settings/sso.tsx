/**
 * Settings → Single sign-on: the agency's OpenID Connect IdP (issuer, client id, secret), the staff
 * email domains it covers with their DNS proof, a test sign-in, the switch, and the approval for
 * members ranking above the configurer. Owners change it; admins see it read-only with the reason.
 * The secret is write-only: the page only says whether one is stored.
 */
import { useSignal } from "@preact/signals";
import { useEffect } from "preact/hooks";
import { useLocation } from "preact-iso";
import { useDraft } from "../../components/form-kit/draft";
import { Form, SubmitButton } from "../../components/form-kit/form";
import { FormAlert } from "../../components/form-kit/form-alert";
import { Field } from "../../components/form-kit/text-field";
import { Button } from "../../components/kit/button";
import { Skeleton } from "../../components/skeleton";
import { formatDateTime } from "../../lib/date-format";
import {
	loadSsoSettings,
	saveSsoSettings,
	setSsoEnabled,
	setSsoPrivilegedApproval,
	ssoRefusalMessage,
	ssoSettings,
	startSsoTest,
	verifySsoDomain,
} from "../../models/sso";
import { SettingsPage } from "./settings-page";
import { SsoDomainList } from "./sso-domain-list";

export default function SingleSignOn() {
	const { query } = useLocation();
	const draft = useDraft({ issuer: "", clientId: "", clientSecret: "", domains: "" });
	const failure = useSignal<string | null>(ssoRefusalMessage(query.sso_error));
	const status = useSignal<string | null>(query.tested ? "The test sign-in worked. You can switch single sign-on on." : null);
	const busy = useSignal(false);
	useEffect(() => {
		void loadSsoSettings().then(() => {
			const s = ssoSettings.value;
			if (s?.configured)
				draft.load({ issuer: s.issuer ?? "", clientId: s.clientId ?? "", clientSecret: "", domains: s.domains.join(", ") });
		});
	}, []);

	const run = async (action: () => Promise<string | null>, done: string | null) => {
		if (busy.value) return;
		busy.value = true;
		failure.value = null;
		status.value = null;
		const problem = await action();
		busy.value = false;
		if (problem) failure.value = problem;
		else status.value = done;
	};

	const values = draft.values.value;
	const save = () => {
		failure.value = null;
		status.value = null;
		return saveSsoSettings({
			issuer: values.issuer.trim(),
			clientId: values.clientId.trim(),
			...(values.clientSecret ? { clientSecret: values.clientSecret } : {}),
			domains: values.domains.split(/[\s,]+/).filter(Boolean),
		});
	};

	const test = () =>
		run(async () => {
			const result = await startSsoTest();
			return result.ok ? null : result.problem.detail;
		}, null);
	const toggle = (enabled: boolean) =>
		run(
			async () => {
				const result = await setSsoEnabled(enabled);
				return result.ok ? null : result.problem.detail;
			},
			enabled ? "Single sign-on is on." : "Single sign-on is off.",
		);

	const verify = (domain: string) =>
		run(async () => {
			const result = await verifySsoDomain(domain);
			if (!result.ok) return result.problem.detail;
			const state = ssoSettings.value?.domainStates.find((d) => d.domain === domain);
			return state?.status === "verified" ? null : (state?.lastCheckError ?? `${domain} is not verified yet.`);
		}, `${domain} is verified.`);
	const approve = (allow: boolean) =>
		run(
			async () => {
				const result = await setSsoPrivilegedApproval(allow);
				return result.ok ? null : result.problem.detail;
			},
			allow ? "Members above the person who set it up may now sign in with single sign-on." : "Approval withdrawn.",
		);

	const settings = ssoSettings.value;
	const unverified = settings?.domainStates.filter((d) => d.status !== "verified").length ?? 0;
	const set = (key: keyof typeof values) => (value: string) => draft.set(key, value);
	return (
		<SettingsPage path="/settings/sso">
			<FormAlert message={failure.value} />
			<p role="status">{status.value}</p>
			{settings === null ? (
				<Skeleton />
			) : !settings.planAllows ? (
				<p class="notice">Single sign-on is part of the Agency plan.</p>
			) : !settings.canManage ? (
				<section class="card" aria-labelledby="sso-readonly-heading">
					<h2 id="sso-readonly-heading">Identity provider (OpenID Connect)</h2>
					<p class="notice">Only an owner of the agency can change single sign-on: it decides who can sign in as whom, owners included.</p>
					{settings.configured ? (
						<>
							<dl>
								<dt>Issuer URL</dt>
								<dd>
									<code>{settings.issuer}</code>
								</dd>
								<dt>Client ID</dt>
								<dd>
									<code>{settings.clientId}</code>
								</dd>
								<dt>Single sign-on</dt>
								<dd>{settings.enabled ? "On" : "Off"}</dd>
							</dl>
							<SsoDomainList states={settings.domainStates} canManage={false} busy={busy.value} onVerify={verify} />
						</>
					) : (
						<p>Not set up.</p>
					)}
				</section>
			) : (
				<>
					<Form
						class="card"
						aria-labelledby="idp-heading"
						send={save}
						check={() => ({
							issuer: values.issuer.trim() ? undefined : "is required",
							clientId: values.clientId.trim() ? undefined : "is required",
						})}
						onSuccess={() => {
							draft.saved(values, { ...values, clientSecret: "" });
							status.value = "Saved. Verify your domains and run a test sign-in before switching it on.";
						}}
					>
						<h2 id="idp-heading">Identity provider (OpenID Connect)</h2>
						<p>
							Register this callback with your provider: <code>{`${window.location.origin}/api/v1/auth/sso/callback`}</code>
						</p>
						<Field
							id="issuer"
							label="Issuer URL"
							type="url"
							verbatim
							value={values.issuer}
							onInput={set("issuer")}
							hint="For example https://login.example.com"
						/>
						<Field id="clientId" label="Client ID" verbatim value={values.clientId} onInput={set("clientId")} />
						<Field
							id="clientSecret"
							label="Client secret"
							required={!settings.hasClientSecret}
							type="password"
							autoComplete="off"
							value={values.clientSecret}
							onInput={set("clientSecret")}
							hint={settings.hasClientSecret ? "A secret is stored. Leave empty to keep it." : "Stored, never shown again."}
						/>
						<Field
							id="ssoDomains"
							name="domains"
							label="Email domains"
							verbatim
							value={values.domains}
							onInput={set("domains")}
							hint="Staff with addresses at these domains must sign in through your provider once it is on. Separate with commas."
						/>
						<SubmitButton busyLabel="Saving…">Save settings</SubmitButton>
					</Form>
					{settings.configured && (
						<section class="card" aria-labelledby="sso-domains-heading">
							<h2 id="sso-domains-heading">Verify your domains</h2>
							<p>
								Prove you run each email domain by publishing its TXT record, then verify it. Single sign-on only switches on, and only
								applies to addresses, at verified domains.
							</p>
							<SsoDomainList states={settings.domainStates} canManage busy={busy.value} onVerify={verify} />
						</section>
					)}
					{settings.configured && (
						<section class="card" aria-labelledby="sso-switch-heading">
							<h2 id="sso-switch-heading">Test and switch on</h2>
							<p>
								{settings.testedAt ? `Last successful test: ${formatDateTime(settings.testedAt)}.` : "Not tested yet."} Single sign-on is{" "}
								<strong>{settings.enabled ? "on" : "off"}</strong>.
							</p>
							<Button loading={busy.value} onClick={test}>
								Run a test sign-in
							</Button>{" "}
							{settings.enabled ? (
								<Button loading={busy.value} onClick={() => toggle(false)}>
									Switch off
								</Button>
							) : (
								<Button
									variant="primary"
									block={false}
									loading={busy.value}
									aria-disabled={!settings.testedAt || unverified > 0}
									onClick={() => toggle(true)}
								>
									Switch on
								</Button>
							)}
							{unverified > 0 && <p>Verify every domain before switching it on.</p>}
							<p>Owners can always sign in with their password or passkey, even while single sign-on is on.</p>
						</section>
					)}
					{settings.configured && (
						<section class="card" aria-labelledby="sso-privileged-heading">
							<h2 id="sso-privileged-heading">Who single sign-on may sign in</h2>
							<p>
								Set up by <strong>{settings.configuredBy?.email ?? "someone no longer in the agency"}</strong>. Single sign-on never signs
								in someone whose role is above theirs (for example, if they stop being an owner) unless an owner allows it.
							</p>
							<p>
								Members above that role: <strong>{settings.allowPrivilegedUsers ? "allowed" : "not allowed"}</strong>.
							</p>
							<Button loading={busy.value} onClick={() => approve(!settings.allowPrivilegedUsers)}>
								{settings.allowPrivilegedUsers ? "Withdraw approval" : "Allow members above them"}
							</Button>
						</section>
					)}
				</>
			)}
		</SettingsPage>
	);
}
