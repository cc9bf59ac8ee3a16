/**
 * Turns one logo the admin picks (PNG, JPEG, WebP or SVG) into every image the brand needs, in
 * the browser with a canvas: the logo itself (at most 1024 px), a 48 px favicon, 192 and 512 px
 * app icons on white, and a 512 px maskable icon on the brand colour with the logo inside the safe zone.
 */
import type { BrandAssetKind } from "../../../schema/brand-assets";

function loadImage(file: Blob): Promise<HTMLImageElement> {
	return new Promise((resolve, reject) => {
		const url = URL.createObjectURL(file);
		const image = new Image();
		image.onload = () => resolve(image);
		image.onerror = () => reject(new Error("This file is not an image the browser can read."));
		image.src = url;
	});
}

function toPng(canvas: HTMLCanvasElement): Promise<Blob> {
	return new Promise((resolve, reject) =>
		canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error("Could not encode the image."))), "image/png"),
	);
}

/** Draws the image inside a `size`-pixel square on `background`, leaving `padding` (0–0.5) of the side free. */
function square(image: HTMLImageElement, size: number, background: string | null, padding: number): HTMLCanvasElement {
	const canvas = document.createElement("canvas");
	canvas.width = size;
	canvas.height = size;
	const ctx = canvas.getContext("2d");
	if (!ctx) throw new Error("This browser cannot draw images.");
	if (background) {
		ctx.fillStyle = background;
		ctx.fillRect(0, 0, size, size);
	}
	const box = size * (1 - 2 * padding);
	const scale = Math.min(box / image.naturalWidth, box / image.naturalHeight);
	const w = image.naturalWidth * scale;
	const h = image.naturalHeight * scale;
	ctx.drawImage(image, (size - w) / 2, (size - h) / 2, w, h);
	return canvas;
}

function logo(image: HTMLImageElement): HTMLCanvasElement {
	const scale = Math.min(1, 1024 / Math.max(image.naturalWidth, image.naturalHeight));
	const canvas = document.createElement("canvas");
	canvas.width = Math.max(32, Math.round(image.naturalWidth * scale));
	canvas.height = Math.max(32, Math.round(image.naturalHeight * scale));
	const ctx = canvas.getContext("2d");
	if (!ctx) throw new Error("This browser cannot draw images.");
	ctx.drawImage(image, 0, 0, canvas.width, canvas.height);
	return canvas;
}

export async function renderBrandImages(file: Blob, brandColor: string): Promise<Record<BrandAssetKind, Blob>> {
	const image = await loadImage(file);
	if (image.naturalWidth === 0 || image.naturalHeight === 0) throw new Error("This image has no size.");
	return {
		logo: await toPng(logo(image)),
		favicon: await toPng(square(image, 48, null, 0)),
		"icon-192": await toPng(square(image, 192, "#ffffff", 0.1)),
		"icon-512": await toPng(square(image, 512, "#ffffff", 0.1)),
		// Maskable icons may be cropped to a circle: keep the logo within the central 60 %.
		"icon-maskable-512": await toPng(square(image, 512, brandColor, 0.2)),
	};
}

/** A picture as a `size`-pixel square PNG, centred, on white (an avatar). */
export async function renderSquarePng(file: Blob, size: number): Promise<Blob> {
	const image = await loadImage(file);
	if (image.naturalWidth === 0 || image.naturalHeight === 0) throw new Error("This image has no size.");
	return toPng(square(image, size, "#ffffff", 0));
}
