/**
 * The brand page's state: the saved brand and theme, the admin's draft (a form-kit Draft: the brand loading or
 * a save's answer never overwrites a field the admin is typing in), the live contrast verdicts on the
 * drafted colours (schema/theme-colors.ts, light and dark), and the actions that save it or upload a logo (rendered into every icon first).
 */
import { computed, signal } from "@preact/signals";
import { BRAND_ASSET_KINDS } from "../../../schema/brand-assets";
import { brandColorProblem, contrastRatio, formatRatio, HEX_COLOR } from "../../../schema/brand-palette";
import type { BrandingSettings } from "../../../schema/dto/branding";
import type { CornerStyle, ThemeFont } from "../../../schema/theme";
import { type Appearance, textOn, themeColorProblems } from "../../../schema/theme-colors";
import { api } from "../api/client";
import { fetchRouteJson } from "../api/fetch-json";
import type { ProblemView } from "../api/problem";
import { send } from "../api/request";
import { Draft } from "../components/form-kit/draft";
import { renderBrandImages } from "../lib/brand-images";
import { showSavedBrand } from "./brand";

export const saved = signal<BrandingSettings | null>(null);
/** What the form shows: the saved brand where the admin has not typed, their text where they have. */
export const brandDraft = new Draft({
	name: "",
	primaryColor: "",
	accentColor: "",
	emailSenderName: "",
	font: "system" as ThemeFont,
	cornerStyle: "rounded" as CornerStyle,
	defaultAppearance: "light" as Appearance,
});
type BrandDraft = typeof brandDraft.values.value;
export const brandProblem = signal<ProblemView | null>(null);
export const brandMessage = signal<string | null>(null);
export const busy = signal(false);
export const uploadProgress = signal<{ done: number; total: number } | null>(null);

/** The drafted colour's contrast with white, and why it cannot be saved (null when it can). */
export const colorVerdict = computed(() => {
	const color = brandDraft.values.value.primaryColor.trim().toLowerCase();
	if (!HEX_COLOR.test(color)) return { ratio: null, problem: "Enter a colour like #1f4ed8." };
	const problem = brandColorProblem(color);
	return { ratio: formatRatio(contrastRatio(color, "#ffffff")), problem: problem ? `This colour ${problem}.` : null };
});

/** The drafted accent's verdict: the text colour on it and its ratio, and why light or dark cannot use it (null when they can). */
export const accentVerdict = computed(() => {
	const accent = brandDraft.values.value.accentColor.trim().toLowerCase();
	if (!HEX_COLOR.test(accent)) return { ratio: null, problem: "Enter a colour like #f59e0b." };
	const primary = brandDraft.values.value.primaryColor.trim().toLowerCase();
	const problem = themeColorProblems(HEX_COLOR.test(primary) ? primary : "#1f4ed8", accent).find((p) => p.path === "accentColor");
	const on = textOn(accent);
	return {
		ratio: `${on === "#ffffff" ? "White" : "Dark"} text on it: ${formatRatio(contrastRatio(accent, on))}`,
		problem: problem ? `This colour ${problem.message}.` : null,
	};
});

function draftOf(settings: BrandingSettings): BrandDraft {
	return {
		name: settings.name,
		primaryColor: settings.primaryColor,
		accentColor: settings.accentColor,
		emailSenderName: settings.emailSenderName ?? "",
		font: settings.font,
		cornerStyle: settings.cornerStyle,
		defaultAppearance: settings.defaultAppearance,
	};
}

/** Shows a brand the server answered with: the saved state, and the draft's fields the admin has not changed (or just sent). */
function adopt(settings: BrandingSettings, sent?: BrandDraft): void {
	saved.value = settings;
	if (sent) brandDraft.saved(sent, draftOf(settings));
	else brandDraft.load(draftOf(settings));
	const { name: _name, emailSenderName: _sender, ...brand } = settings;
	showSavedBrand(brand, settings.name);
}

export async function loadBrandSettings(): Promise<void> {
	const result = await send(() => api.api.v1.branding.$get());
	if (!result.ok) {
		brandProblem.value = result.problem;
		return;
	}
	if (result.value.status === 200) adopt(await result.value.json());
}

export async function saveBrand(): Promise<void> {
	if (colorVerdict.value.problem || accentVerdict.value.problem) return;
	busy.value = true;
	brandProblem.value = null;
	brandMessage.value = null;
	const sent = brandDraft.values.value;
	const sender = sent.emailSenderName.trim();
	const result = await send(() =>
		api.api.v1.branding.$patch({
			json: {
				name: sent.name.trim(),
				primaryColor: sent.primaryColor.trim().toLowerCase(),
				accentColor: sent.accentColor.trim().toLowerCase(),
				emailSenderName: sender === "" ? null : sender,
				font: sent.font,
				cornerStyle: sent.cornerStyle,
				defaultAppearance: sent.defaultAppearance,
			},
		}),
	);
	busy.value = false;
	if (!result.ok) {
		brandProblem.value = result.problem;
		return;
	}
	if (result.value.status === 200) {
		adopt(await result.value.json(), sent);
		brandMessage.value = "Saved. Your clients see the new brand the next time their app loads.";
	}
}

type ImageUpload = (typeof api.api.v1.branding.images)[":kind"]["$put"];

/** Renders the logo into every brand image and uploads each; stops at the first refusal. */
export async function uploadLogo(file: File): Promise<void> {
	busy.value = true;
	brandProblem.value = null;
	brandMessage.value = null;
	try {
		const images = await renderBrandImages(file, saved.value?.primaryColor ?? brandDraft.values.value.primaryColor);
		uploadProgress.value = { done: 0, total: BRAND_ASSET_KINDS.length };
		let latest: BrandingSettings | null = null;
		for (const kind of BRAND_ASSET_KINDS) {
			const result = await fetchRouteJson<ImageUpload>(() =>
				fetch(`/api/v1/branding/images/${kind}`, {
					method: "PUT",
					headers: { "Content-Type": "image/png" },
					body: images[kind],
					credentials: "same-origin",
				}),
			);
			if (!result.ok) {
				brandProblem.value = result.problem;
				return;
			}
			latest = result.value;
			uploadProgress.value = { done: uploadProgress.value.done + 1, total: BRAND_ASSET_KINDS.length };
		}
		if (latest) adopt(latest);
		brandMessage.value = "Logo saved, with your app icons and favicon made from it.";
	} catch (error) {
		brandProblem.value = {
			status: 0,
			title: "Logo",
			detail: error instanceof Error ? error.message : "The logo could not be read.",
			fields: {},
			retryAfterSeconds: null,
		};
	} finally {
		busy.value = false;
		uploadProgress.value = null;
	}
}

export async function removeLogo(): Promise<void> {
	busy.value = true;
	brandProblem.value = null;
	let latest: BrandingSettings | null = null;
	for (const kind of BRAND_ASSET_KINDS) {
		const result = await send(() => api.api.v1.branding.images[":kind"].$delete({ param: { kind } }));
		if (!result.ok) {
			brandProblem.value = result.problem;
			break;
		}
		if (result.value.status === 200) latest = await result.value.json();
	}
	busy.value = false;
	if (latest) {
		adopt(latest);
		brandMessage.value = "Logo removed; Atrium's icons are used again.";
	}
}
