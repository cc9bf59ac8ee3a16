/**
 * The toast model: short messages that confirm an action and may offer to undo it.
 *
 *   toast.show({ message: "Client archived.", action: { label: "Undo", run: () => setArchived(id, false) } });
 *
 * A toast disappears after `duration` ms (longer when it has an action), except while the person
 * hovers or focuses it (the Toaster pauses and resumes it). Running the action dismisses the toast;
 * if the action fails (throws or resolves to a message), the failure is shown as a new toast.
 */
import { signal } from "@preact/signals";

export type ToastAction = { label: string; run: () => unknown };
export type ToastTone = "neutral" | "success" | "danger";
export type ToastInput = { message: string; action?: ToastAction; tone?: ToastTone; duration?: number };
export type Toast = { id: number; message: string; action?: ToastAction; tone: ToastTone };

export const DEFAULT_DURATION = 5_000;
export const ACTION_DURATION = 8_000;
/** More than this and the oldest goes, so a burst never covers the page. */
export const MAX_TOASTS = 3;

export const toasts = signal<Toast[]>([]);

type Timer = { handle: ReturnType<typeof setTimeout> | null; remaining: number; startedAt: number };
const timers = new Map<number, Timer>();
let nextId = 1;

function start(id: number, ms: number): void {
	const timer: Timer = { handle: setTimeout(() => dismiss(id), ms), remaining: ms, startedAt: Date.now() };
	timers.set(id, timer);
}

export function dismiss(id: number): void {
	const timer = timers.get(id);
	if (timer?.handle) clearTimeout(timer.handle);
	timers.delete(id);
	toasts.value = toasts.value.filter((t) => t.id !== id);
}

export function show(input: ToastInput): number {
	const id = nextId++;
	const toast: Toast = { id, message: input.message, action: input.action, tone: input.tone ?? "neutral" };
	const list = [...toasts.value, toast];
	while (list.length > MAX_TOASTS) {
		const oldest = list.shift();
		if (oldest) dismiss(oldest.id);
	}
	toasts.value = list;
	start(id, input.duration ?? (input.action ? ACTION_DURATION : DEFAULT_DURATION));
	return id;
}

/** Holds every toast's countdown (the pointer or focus is on the toaster). */
export function pauseAll(): void {
	for (const timer of timers.values()) {
		if (!timer.handle) continue;
		clearTimeout(timer.handle);
		timer.handle = null;
		timer.remaining = Math.max(0, timer.remaining - (Date.now() - timer.startedAt));
	}
}

export function resumeAll(): void {
	for (const [id, timer] of timers) {
		if (timer.handle) continue;
		timer.startedAt = Date.now();
		timer.handle = setTimeout(() => dismiss(id), timer.remaining);
	}
}

/** Runs a toast's action once (a second click while it runs does nothing) and dismisses it. */
export async function runAction(id: number): Promise<void> {
	const toast = toasts.value.find((t) => t.id === id);
	if (!toast?.action) return;
	dismiss(id);
	try {
		const outcome = await toast.action.run();
		if (typeof outcome === "string") show({ message: outcome, tone: "danger" });
	} catch (error) {
		show({ message: error instanceof Error ? error.message : `${toast.action.label} failed.`, tone: "danger" });
	}
}

export const toast = { show, dismiss };
