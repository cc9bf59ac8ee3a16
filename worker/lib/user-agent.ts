/**
 * A deliberately small User-Agent reader for the session list and new-device alerts: browser
 * family, operating system and device kind. Not a full parser; order of checks matters (Edge and
 * Opera carry "Chrome", Chrome carries "Safari").
 */
export type DeviceDescription = { browser: string | null; os: string | null; device: "desktop" | "mobile" | "tablet" | "unknown" };

const BROWSERS: ReadonlyArray<[RegExp, string]> = [
	[/\bEdg(?:e|A|iOS)?\//, "Edge"],
	[/\b(?:OPR|Opera)\//, "Opera"],
	[/\bSamsungBrowser\//, "Samsung Internet"],
	[/\b(?:Firefox|FxiOS)\//, "Firefox"],
	[/\b(?:Chrome|CriOS|Chromium)\//, "Chrome"],
	[/\bVersion\/[\d.]+.*\bSafari\//, "Safari"],
	[/\bcurl\//, "curl"],
];

const SYSTEMS: ReadonlyArray<[RegExp, string]> = [
	[/\b(?:iPhone|iPad|iPod)\b/, "iOS"],
	[/\bAndroid\b/, "Android"],
	[/\bCrOS\b/, "ChromeOS"],
	[/\bWindows\b/, "Windows"],
	[/\bMac OS X\b|\bMacintosh\b/, "macOS"],
	[/\bLinux\b/, "Linux"],
];

export function describeUserAgent(userAgent: string | null): DeviceDescription {
	if (!userAgent) return { browser: null, os: null, device: "unknown" };
	const browser = BROWSERS.find(([pattern]) => pattern.test(userAgent))?.[1] ?? null;
	const os = SYSTEMS.find(([pattern]) => pattern.test(userAgent))?.[1] ?? null;
	let device: DeviceDescription["device"] = "unknown";
	if (/\biPad\b|\bTablet\b/.test(userAgent) || (/\bAndroid\b/.test(userAgent) && !/\bMobile\b/.test(userAgent))) device = "tablet";
	else if (/\bMobile\b|\biPhone\b/.test(userAgent)) device = "mobile";
	else if (os !== null) device = "desktop";
	return { browser, os, device };
}

/** "Firefox on Windows", "Safari on iOS", or "Unknown device". */
export function deviceLabel(description: DeviceDescription): string {
	if (description.browser && description.os) return `${description.browser} on ${description.os}`;
	return description.browser ?? description.os ?? "Unknown device";
}
