/**
 * Offering to install the app at the right moment: never on a first look, only once someone has
 * come back (a second signed-in visit) or used a few pages, never again for 30 days after "Not
 * now", and never when it already runs installed. Chromium gives us `beforeinstallprompt`; iOS
 * Safari has no prompt, so there we explain Share → Add to Home Screen instead.
 */
import { computed, signal } from "@preact/signals";

type InstallPromptEvent = Event & { prompt(): Promise<void>; userChoice: Promise<{ outcome: "accepted" | "dismissed" }> };

const VISITS_KEY = "atrium:visits";
const PAGES_KEY = "atrium:pages-this-visit";
const DISMISSED_KEY = "atrium:install-dismissed-at";
const QUIET_DAYS_MS = 30 * 24 * 60 * 60 * 1000;
const PAGES_BEFORE_OFFER = 3;

const deferredPrompt = signal<InstallPromptEvent | null>(null);
const pagesThisVisit = signal(0);
const visits = signal(0);
const dismissedAt = signal<number | null>(null);
const installed = signal(false);

/** iPhone, iPad (which may claim to be a Mac) or iPod, in Safari where Add to Home Screen exists. */
export function isIosSafari(userAgent: string, maxTouchPoints: number): boolean {
	const ios = /iPhone|iPad|iPod/.test(userAgent) || (/Macintosh/.test(userAgent) && maxTouchPoints > 1);
	return ios && /Safari\//.test(userAgent) && !/CriOS|FxiOS|EdgiOS/.test(userAgent);
}

function runsInstalled(): boolean {
	const standalone = (navigator as Navigator & { standalone?: boolean }).standalone === true;
	return standalone || window.matchMedia("(display-mode: standalone)").matches;
}

function readNumber(key: string): number {
	const value = Number(localStorage.getItem(key));
	return Number.isFinite(value) ? value : 0;
}

/** The moment has come: engaged enough, not dismissed recently, not installed, and installable here. */
export const installOffer = computed<"prompt" | "ios" | null>(() => {
	if (installed.value) return null;
	if (dismissedAt.value !== null && Date.now() - dismissedAt.value < QUIET_DAYS_MS) return null;
	const engaged = visits.value >= 2 || pagesThisVisit.value >= PAGES_BEFORE_OFFER;
	if (!engaged) return null;
	if (deferredPrompt.value) return "prompt";
	return isIosSafari(navigator.userAgent, navigator.maxTouchPoints) ? "ios" : null;
});

/** Starts listening; counts this visit once per browser session. */
export function watchInstallability(): void {
	if (typeof window === "undefined") return;
	installed.value = runsInstalled();
	dismissedAt.value = localStorage.getItem(DISMISSED_KEY) ? readNumber(DISMISSED_KEY) : null;
	if (!sessionStorage.getItem(PAGES_KEY)) localStorage.setItem(VISITS_KEY, String(readNumber(VISITS_KEY) + 1));
	visits.value = readNumber(VISITS_KEY);
	pagesThisVisit.value = Number(sessionStorage.getItem(PAGES_KEY) ?? 0);
	window.addEventListener("beforeinstallprompt", (event) => {
		event.preventDefault();
		deferredPrompt.value = event as InstallPromptEvent;
	});
	window.addEventListener("appinstalled", () => {
		installed.value = true;
		deferredPrompt.value = null;
	});
}

/** A signed-in page was shown (the frame calls this on every navigation). */
export function notePageView(): void {
	pagesThisVisit.value += 1;
	sessionStorage.setItem(PAGES_KEY, String(pagesThisVisit.value));
}

export async function installNow(): Promise<void> {
	const event = deferredPrompt.value;
	if (!event) return;
	deferredPrompt.value = null;
	await event.prompt();
	const { outcome } = await event.userChoice;
	if (outcome === "dismissed") dismissInstall();
}

export function dismissInstall(): void {
	const now = Date.now();
	localStorage.setItem(DISMISSED_KEY, String(now));
	dismissedAt.value = now;
}
