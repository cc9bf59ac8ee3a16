/**
 * Tabs of the kit, for a page in sections: a tablist with roving tabindex (Tab reaches the chosen
 * tab only; ArrowLeft/ArrowRight, Home and End move between tabs and show each at once), each tab
 * tied to its panel (aria-selected, aria-controls, aria-labelledby). Only the chosen panel renders.
 * `<Tabs label="Settings" tabs={[{ id: "general", label: "General", panel: () => <General /> }, …]} />`
 */
import { useSignal } from "@preact/signals";
import type { ComponentChildren } from "preact";
import { useRef } from "preact/hooks";
import "./form-kit.css";

export type Tab = { id: string; label: string; panel: () => ComponentChildren };

type TabsProps = {
	/** What the set of tabs is about (the tablist's accessible name). */
	label: string;
	tabs: readonly Tab[];
	/** A chosen tab controlled by the page (e.g. from the URL); otherwise the tabs keep their own. */
	selected?: string;
	onSelect?: (id: string) => void;
};

export function Tabs({ label, tabs, selected, onSelect }: TabsProps) {
	const own = useSignal(tabs[0]?.id ?? "");
	const current = selected ?? own.value;
	const list = useRef<HTMLDivElement>(null);
	const select = (id: string, focus: boolean) => {
		own.value = id;
		onSelect?.(id);
		if (focus) list.current?.querySelector<HTMLElement>(`#tab-${id}`)?.focus();
	};
	const onKeyDown = (event: KeyboardEvent) => {
		const index = tabs.findIndex((tab) => tab.id === current);
		const next =
			event.key === "ArrowRight"
				? index + 1
				: event.key === "ArrowLeft"
					? index - 1
					: event.key === "Home"
						? 0
						: event.key === "End"
							? tabs.length - 1
							: null;
		if (next === null) return;
		event.preventDefault();
		const tab = tabs[(next + tabs.length) % tabs.length];
		if (tab) select(tab.id, true);
	};
	const shown = tabs.find((tab) => tab.id === current);
	return (
		<div class="tabs">
			<div role="tablist" aria-label={label} class="tab-list" ref={list} onKeyDown={onKeyDown}>
				{tabs.map((tab) => (
					<button
						key={tab.id}
						type="button"
						role="tab"
						id={`tab-${tab.id}`}
						aria-selected={tab.id === current ? "true" : "false"}
						aria-controls={`panel-${tab.id}`}
						tabIndex={tab.id === current ? 0 : -1}
						onClick={() => select(tab.id, false)}
					>
						{tab.label}
					</button>
				))}
			</div>
			{shown && (
				<div role="tabpanel" id={`panel-${shown.id}`} aria-labelledby={`tab-${shown.id}`}>
					{shown.panel()}
				</div>
			)}
		</div>
	);
}
