/**
 * Settings → Brand (whoever holds tenant:manage: owners and admins, or a custom role): the agency's name, colours (checked against WCAG AA
 * in light and dark as the admin picks them), font, corners, default appearance, email sender name and logo, from which the app icons and favicon are made.
 */
import { useEffect } from "preact/hooks";
import { FormAlert } from "../components/form-kit/form-alert";
import { Field } from "../components/form-kit/text-field";
import { FeatureGate, useFreshEntitlements } from "../components/plan-gate";
import { ColorField, ThemeFields } from "../components/theme-fields";
import {
	accentVerdict,
	brandDraft,
	brandMessage,
	brandProblem,
	busy,
	colorVerdict,
	loadBrandSettings,
	removeLogo,
	saveBrand,
	saved,
	uploadLogo,
	uploadProgress,
} from "../models/brand-settings";
import { SettingsPage } from "./settings/settings-page";

function LogoSection() {
	const current = saved.value;
	const progress = uploadProgress.value;
	return (
		<section class="card" aria-labelledby="logo-heading">
			<h2 id="logo-heading">Logo and app icon</h2>
			<p>
				Pick a square-ish logo (PNG, JPEG, WebP or SVG). Atrium makes your app icon, the icon for phones' home screens and the browser tab
				icon from it.
			</p>
			{current?.logoUrl ? (
				<p class="brand-preview">
					<img src={current.logoUrl} alt="Current logo" height={48} />
					{current.iconMaskableUrl && <img src={current.iconMaskableUrl} alt="App icon on phones" height={48} width={48} />}
				</p>
			) : (
				<p>No logo yet: your app uses Atrium's icon.</p>
			)}
			<label class="button secondary file-button">
				Choose a logo…
				<input
					type="file"
					accept="image/png,image/jpeg,image/webp,image/svg+xml"
					class="visually-hidden"
					disabled={busy.value}
					onChange={(e) => {
						const file = e.currentTarget.files?.[0];
						if (file) void uploadLogo(file);
						e.currentTarget.value = "";
					}}
				/>
			</label>
			{current?.logoUrl && (
				<button type="button" class="button secondary" disabled={busy.value} onClick={() => void removeLogo()}>
					Remove logo
				</button>
			)}
			{progress && (
				<p>
					<label for="logo-progress">Uploading images</label>
					<progress id="logo-progress" max={progress.total} value={progress.done}>
						{progress.done} of {progress.total}
					</progress>
				</p>
			)}
		</section>
	);
}

export default function BrandSettings() {
	useEffect(() => {
		void loadBrandSettings();
	}, []);
	const fields = brandProblem.value?.fields ?? {};
	const draft = brandDraft.values.value;
	// Colours, sender name and logo are white label (Pro and Agency); the name, font, corners and appearance are every plan's.
	const whiteLabel = useFreshEntitlements()?.features.white_label === true;
	return (
		<SettingsPage path="/settings/brand">
			<p class="lead">How your agency's app, its icon and its emails look to your clients.</p>
			{brandMessage.value && (
				<p role="status" class="notice">
					{brandMessage.value}
				</p>
			)}
			<form
				class="card"
				noValidate
				onSubmit={(e) => {
					e.preventDefault();
					void saveBrand();
				}}
			>
				<FormAlert message={brandProblem.value && Object.keys(fields).length === 0 ? brandProblem.value.detail : null} />
				<Field
					id="name"
					label="Agency name"
					value={draft.name}
					onInput={(v) => brandDraft.set("name", v)}
					error={fields.name}
					maxLength={80}
				/>
				{whiteLabel && (
					<>
						<ColorField
							id="primaryColor"
							label="Brand colour"
							fallback="#1f4ed8"
							verdict={{
								ratio: colorVerdict.value.ratio && `Contrast with white: ${colorVerdict.value.ratio}`,
								problem: colorVerdict.value.problem,
							}}
							passing="meets WCAG AA for buttons and links."
						/>
						<Field
							id="emailSenderName"
							label="Email sender name"
							value={draft.emailSenderName}
							onInput={(v) => brandDraft.set("emailSenderName", v)}
							error={fields.emailSenderName}
							hint="Shown as the sender of your clients' emails. Leave empty to use the agency name."
							maxLength={60}
						/>
						<p class="brand-sample">
							<span
								class="button primary"
								style={{ background: colorVerdict.value.problem ? undefined : draft.primaryColor }}
								aria-hidden="true"
							>
								Sample button
							</span>
						</p>
					</>
				)}
				<ThemeFields whiteLabel={whiteLabel} />
				<button
					type="submit"
					class="button primary"
					disabled={busy.value || (whiteLabel && (colorVerdict.value.problem !== null || accentVerdict.value.problem !== null))}
				>
					Save brand
				</button>
			</form>
			<FeatureGate feature="white_label" what="white-label branding (your colour, logo and email sender name)">
				<LogoSection />
			</FeatureGate>
		</SettingsPage>
	);
}
