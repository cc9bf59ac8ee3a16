/**
 * An avatar's initials and colours, derived from a stable seed (a person's id or name): the same
 * person always gets the same colour, and white initials on it are always at least 4.5:1 (WCAG AA).
 */
import { contrastRatio, MIN_TEXT_CONTRAST } from "../../../../schema/brand-palette";

/** Up to two letters: the first of the first and of the last word ("Ada M. Lovelace" → "AL"). */
export function initials(name: string): string {
	const words = name
		.trim()
		.split(/[\s@._-]+/u)
		.filter(Boolean);
	if (words.length === 0) return "?";
	const first = [...(words[0] ?? "")][0] ?? "";
	const last = words.length > 1 ? ([...(words[words.length - 1] ?? "")][0] ?? "") : "";
	return (first + last).toLocaleUpperCase();
}

/** A 32-bit FNV-1a hash of the seed (stable across sessions and browsers). */
function hash(seed: string): number {
	let h = 0x811c9dc5;
	for (let i = 0; i < seed.length; i++) {
		h ^= seed.charCodeAt(i);
		h = Math.imul(h, 0x01000193);
	}
	return h >>> 0;
}

function hslToHex(h: number, s: number, l: number): string {
	const a = s * Math.min(l, 1 - l);
	const channel = (n: number) => {
		const k = (n + h / 30) % 12;
		const value = l - a * Math.max(-1, Math.min(k - 3, 9 - k, 1));
		return Math.round(value * 255)
			.toString(16)
			.padStart(2, "0");
	};
	return `#${channel(0)}${channel(8)}${channel(4)}`;
}

export const AVATAR_TEXT = "#ffffff";

/** The background for a seed: its hue, darkened until white text on it reaches AA. */
export function avatarBackground(seed: string): string {
	const h = hash(seed);
	const hue = h % 360;
	const saturation = 0.45 + ((h >>> 9) % 20) / 100;
	for (let lightness = 0.42; lightness > 0.1; lightness -= 0.02) {
		const colour = hslToHex(hue, saturation, lightness);
		if (contrastRatio(colour, AVATAR_TEXT) >= MIN_TEXT_CONTRAST) return colour;
	}
	return "#1f2937";
}
