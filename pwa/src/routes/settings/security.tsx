/**
 * Settings → Security (owners and admins): what unverified accounts may do and who must use two-step
 * sign-in, every sign-in attempt on the agency with where it came from, and unlocking a member
 * locked out by failed attempts.
 */
import { useEffect } from "preact/hooks";
import type { SecurityPolicy, SignInEventView } from "../../../../schema/dto/account-security";
import { FormAlert } from "../../components/form-kit/form-alert";
import { SelectField } from "../../components/form-kit/select-field";
import { Button } from "../../components/kit/button";
import { byNumber, byText, type Column, DataTable } from "../../components/kit/data-table";
import { Skeleton } from "../../components/skeleton";
import { formatDateTime } from "../../lib/date-format";
import {
	agencySignIns,
	agencySignInsCursor,
	loadAgencySignIns,
	loadPolicy,
	policy,
	savePolicy,
	securityProblem,
	securityStatus,
	unlockMember,
} from "../../models/agency-security";
import { can } from "../../models/session";
import { SettingsPage } from "./settings-page";

const MFA_OPTIONS: readonly { value: SecurityPolicy["mfaRequired"]; label: string }[] = [
	{ value: "off", label: "Nobody (each person chooses)" },
	{ value: "staff", label: "The agency's team" },
	{ value: "everyone", label: "Everyone, clients included" },
];
const UNVERIFIED_OPTIONS: readonly { value: SecurityPolicy["unverifiedAccess"]; label: string }[] = [
	{ value: "full", label: "Use the app fully" },
	{ value: "read_only", label: "Only read until they confirm their email" },
];
const REFUSED: ReadonlySet<SignInEventView["outcome"]> = new Set(["invalid_credentials", "locked", "rate_limited", "invalid_code"]);

function PolicyForm() {
	const current = policy.value;
	if (!current) return <Skeleton />;
	return (
		<section class="card" aria-labelledby="policy-heading">
			<h2 id="policy-heading">Account policy</h2>
			{/* Each choice is saved as it is made; a refusal shows in the page's alert. */}
			<SelectField
				id="mfa-required"
				name="mfaRequired"
				label="Two-step sign-in is required for"
				value={current.mfaRequired}
				options={MFA_OPTIONS}
				onChange={(mfaRequired) => void savePolicy({ mfaRequired })}
			/>
			<SelectField
				id="unverified-access"
				name="unverifiedAccess"
				label="People who have not confirmed their email may"
				value={current.unverifiedAccess}
				options={UNVERIFIED_OPTIONS}
				onChange={(unverifiedAccess) => void savePolicy({ unverifiedAccess })}
			/>
		</section>
	);
}

function place(e: SignInEventView): string {
	return [e.device.label, e.place, e.ip].filter(Boolean).join(" · ");
}

function signInColumns(mayUnlock: boolean): Column<SignInEventView>[] {
	const columns: Column<SignInEventView>[] = [
		{ key: "when", header: "When", cell: (e) => formatDateTime(e.createdAt), sort: byNumber((e) => e.createdAt) },
		{ key: "who", header: "Who", cell: (e) => e.email ?? "Unknown address", sort: byText((e) => e.email ?? "") },
		{ key: "outcome", header: "Outcome", cell: (e) => e.outcome.replaceAll("_", " "), sort: byText((e) => e.outcome) },
		{ key: "place", header: "Device and place", cell: place, sort: byText(place) },
	];
	if (!mayUnlock) return columns;
	return [
		...columns,
		{
			key: "action",
			header: "Action",
			hideHeader: true,
			cell: (e) =>
				e.userId && REFUSED.has(e.outcome) ? (
					<Button variant="ghost" size="small" onClick={() => e.userId && void unlockMember(e.userId, e.email ?? "The member")}>
						Unlock {e.email}
					</Button>
				) : null,
		},
	];
}

/** Pages come from the server newest first ("Show more" follows the cursor); a header sorts the loaded ones. */
function AgencySignIns() {
	const events = agencySignIns.value;
	return (
		<section class="card" aria-labelledby="agency-sign-ins-heading">
			<h2 id="agency-sign-ins-heading">Sign-ins on the agency</h2>
			<DataTable
				caption="Every sign-in attempt on the agency, newest first"
				rows={events}
				rowKey={(e) => e.id}
				empty="No sign-in attempts yet."
				columns={signInColumns(can("members:manage"))}
				more={agencySignInsCursor.value ? { onMore: () => void loadAgencySignIns(true), loading: false, label: "Show more" } : null}
			/>
		</section>
	);
}

export default function SecuritySettings() {
	useEffect(() => {
		securityProblem.value = null;
		securityStatus.value = "";
		void loadPolicy();
		if (can("audit:read")) void loadAgencySignIns();
	}, []);
	return (
		<SettingsPage path="/settings/security">
			<FormAlert message={securityProblem.value} />
			<p role="status" class="status-line" data-testid="security-status">
				{securityStatus.value}
			</p>
			<PolicyForm />
			{can("audit:read") && <AgencySignIns />}
		</SettingsPage>
	);
}
