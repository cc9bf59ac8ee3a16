/** The account page: who you are, where, with which role; your profile (name, avatar, time zone, locale) and appearance (light, dark or system); the way to security and (for those who may) the agency's Settings; notification devices; signing out. */
import { AppearanceSection } from "../components/appearance-section";
import { AvatarSection } from "../components/avatar-section";
import { ProfileForm } from "../components/profile-form";
import { PushDevices } from "../components/push-devices";
import { SignOutButton } from "../components/sign-out-button";
import { useDocumentTitle } from "../components/use-document-title";
import { me, tenant } from "../models/session";
import { visibleSettingsPages } from "../models/settings-pages";

const ROLE_NAMES = { owner: "Owner", admin: "Admin", staff: "Staff", client: "Client" } as const;

export default function Account() {
	useDocumentTitle("Account");
	const user = me.value?.user;
	return (
		<>
			<h1>Your account</h1>
			<dl class="card details">
				<dt>Email</dt>
				<dd>
					{user?.email}
					{me.value && !me.value.emailVerified && " (not confirmed yet)"}
				</dd>
				<dt>Two-step sign-in</dt>
				<dd>{me.value?.mfaEnabled ? "On" : "Off"}</dd>
				<dt>Role</dt>
				<dd>{me.value ? ROLE_NAMES[me.value.role] : ""}</dd>
				<dt>Agency</dt>
				<dd>{tenant.value?.name}</dd>
			</dl>
			<ProfileForm />
			<AvatarSection />
			<AppearanceSection />
			<p>
				<a href="/account/security" class="button secondary">
					Security: password, email, two-step sign-in, sessions
				</a>
			</p>
			{visibleSettingsPages.value.length > 0 && (
				<section class="card" aria-labelledby="agency-heading">
					<h2 id="agency-heading">Your agency</h2>
					<p>
						<a href="/settings">Agency settings</a>: {visibleSettingsPages.value.map((page) => page.label.toLowerCase()).join(", ")}.
					</p>
				</section>
			)}
			<PushDevices />
			<SignOutButton />
		</>
	);
}
