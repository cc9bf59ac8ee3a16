/**
 * Drag and drop of files anywhere on a page: `useFileDrop(onFiles, enabled)` listens on the window
 * while the page is mounted (only for drags that carry files) and `<DropOverlay active label />`
 * covers the page while files are over it, announcing the label in a live region. Keyboard and
 * screen-reader users keep the page's file input; this only adds a second way in.
 */
import { useEffect, useRef, useState } from "preact/hooks";
import "./uploads.css";

function carriesFiles(event: DragEvent): boolean {
	return [...(event.dataTransfer?.types ?? [])].includes("Files");
}

export function useFileDrop(onFiles: (files: File[]) => void, enabled: boolean): boolean {
	const [active, setActive] = useState(false);
	const latest = useRef(onFiles);
	latest.current = onFiles;
	useEffect(() => {
		if (!enabled) return;
		// dragenter/dragleave fire for every child crossed: count them, the drag has left when back to 0.
		let depth = 0;
		const enter = (event: DragEvent) => {
			if (!carriesFiles(event)) return;
			event.preventDefault();
			depth += 1;
			setActive(true);
		};
		const over = (event: DragEvent) => {
			if (carriesFiles(event)) event.preventDefault();
		};
		const leave = (event: DragEvent) => {
			if (!carriesFiles(event)) return;
			depth = Math.max(0, depth - 1);
			if (depth === 0) setActive(false);
		};
		const drop = (event: DragEvent) => {
			if (!carriesFiles(event)) return;
			event.preventDefault();
			depth = 0;
			setActive(false);
			const files = [...(event.dataTransfer?.files ?? [])];
			if (files.length > 0) latest.current(files);
		};
		window.addEventListener("dragenter", enter);
		window.addEventListener("dragover", over);
		window.addEventListener("dragleave", leave);
		window.addEventListener("drop", drop);
		return () => {
			window.removeEventListener("dragenter", enter);
			window.removeEventListener("dragover", over);
			window.removeEventListener("dragleave", leave);
			window.removeEventListener("drop", drop);
		};
	}, [enabled]);
	return active;
}

export function DropOverlay({ active, label }: { active: boolean; label: string }) {
	return (
		<>
			<p class="visually-hidden" role="status">
				{active ? label : ""}
			</p>
			{active && (
				<div class="drop-overlay" aria-hidden="true">
					<p>{label}</p>
				</div>
			)}
		</>
	);
}
