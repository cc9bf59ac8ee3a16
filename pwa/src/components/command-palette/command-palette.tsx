/**
 * The command palette (Ctrl+K / ⌘K, or the header's search button): a modal dialog holding a
 * combobox and its listbox (the WAI-ARIA combobox pattern: focus stays in the text field, the
 * highlighted option is `aria-activedescendant`). The person's pages show at once and filter as
 * they type; clients, projects and conversations follow from the server (models/search.ts) and
 * say "offline" without a connection. ↑/↓ move (wrapping), Home/End jump, Enter opens, Escape
 * closes; focus returns to where it was (kit/use-modal.ts). Loaded only when first opened.
 */
import { useSignal } from "@preact/signals";
import { useEffect, useId, useMemo, useRef } from "preact/hooks";
import { useLocation } from "preact-iso";
import { matchingPages, type PaletteItem, type ServerState, serverSearch } from "../../models/search";
import { useModal } from "../kit/use-modal";
import "./command-palette.css";

const SERVER_NOTE: Record<ServerState, string> = {
	idle: "",
	loading: "Searching clients, projects and conversations…",
	done: "",
	offline: "Offline: only pages are searched. Clients, projects and conversations need a connection.",
	failed: "Clients, projects and conversations could not be searched just now.",
};

export function CommandPalette({ onClose }: { onClose: () => void }) {
	const ref = useRef<HTMLDialogElement>(null);
	const listId = useId();
	const { route } = useLocation();
	const query = useSignal("");
	const active = useSignal(0);
	const server = useMemo(serverSearch, []);
	useModal(ref, onClose);
	useEffect(() => server.stop, []);

	const items: PaletteItem[] = [...matchingPages(query.value), ...server.results.value];
	const current = Math.min(active.value, items.length - 1);
	const optionId = (i: number) => `${listId}-${i}`;

	useEffect(() => {
		if (current >= 0) document.getElementById(optionId(current))?.scrollIntoView({ block: "nearest" });
	}, [current]);

	function open(item: PaletteItem | undefined): void {
		if (!item) return;
		// Replace the entry the open palette pushed (kit/use-modal.ts), so Back leaves the new page.
		route(item.path, true);
		onClose();
	}

	function onKeyDown(event: KeyboardEvent): void {
		const count = items.length;
		const moves: Record<string, () => number> = {
			ArrowDown: () => (current + 1) % count,
			ArrowUp: () => (current - 1 + count) % count,
			Home: () => 0,
			End: () => count - 1,
		};
		const move = moves[event.key];
		if (move && count > 0) {
			event.preventDefault();
			active.value = move();
		} else if (event.key === "Enter") {
			event.preventDefault();
			open(items[current]);
		}
	}

	const note = SERVER_NOTE[server.state.value];
	const count = items.length;
	return (
		// biome-ignore lint/a11y/useKeyWithClickEvents: a click on the backdrop closes, as Escape does from the keyboard
		<dialog
			ref={ref}
			class="kit-modal command-palette"
			aria-label="Command palette"
			aria-modal="true"
			onClick={(event) => {
				if (event.target === event.currentTarget) onClose();
			}}
		>
			<div class="command-palette-inner">
				<input
					class="command-palette-input"
					type="text"
					role="combobox"
					aria-label="Go to a page, client, project or conversation"
					aria-expanded="true"
					aria-controls={listId}
					aria-autocomplete="list"
					aria-activedescendant={current >= 0 ? optionId(current) : undefined}
					placeholder="Go to a page, client, project…"
					autocomplete="off"
					spellcheck={false}
					data-autofocus
					value={query.value}
					onInput={(event) => {
						query.value = event.currentTarget.value;
						active.value = 0;
						server.search(query.value);
					}}
					onKeyDown={onKeyDown}
				/>
				<div class="command-palette-list" id={listId} role="listbox" aria-label="Results">
					{items.map((item, i) => (
						// biome-ignore lint/a11y/useKeyWithClickEvents: the keyboard stays in the text field (aria-activedescendant), whose keys choose
						<div
							key={item.key}
							tabIndex={-1}
							id={optionId(i)}
							role="option"
							aria-selected={i === current}
							class="command-palette-option"
							onMouseMove={() => {
								if (active.value !== i) active.value = i;
							}}
							// Keep the keyboard in the field while the pointer chooses.
							onMouseDown={(event) => event.preventDefault()}
							onClick={() => open(item)}
						>
							<span class="command-palette-title">{item.title}</span>
							<span class="command-palette-subtitle">{item.subtitle}</span>
						</div>
					))}
				</div>
				<p class="command-palette-status" role="status">
					{count === 0 && server.state.value !== "loading" ? `Nothing matches “${query.value.trim()}”. ` : ""}
					{note}
				</p>
			</div>
		</dialog>
	);
}
