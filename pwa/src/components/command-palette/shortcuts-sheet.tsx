/**
 * The keyboard-shortcuts help sheet ("?"), rendered from lib/shortcuts.ts so it lists exactly what
 * the key handler does. A kit Sheet: Escape, the backdrop or Back close it. Loaded when first opened.
 */
import { Fragment } from "preact";
import { keyLabel, PALETTE_KEYS, SHORTCUTS, type Shortcut } from "../../lib/shortcuts";
import { Sheet } from "../kit/sheet";
import "./command-palette.css";

const apple = /Mac|iPhone|iPad/.test(navigator.platform);

function Keys({ keys }: { keys: readonly string[] }) {
	return (
		<span class="shortcut-keys">
			{keys.map((key, i) => (
				<Fragment key={key}>
					{i > 0 && <span class="shortcut-then"> then </span>}
					{keyLabel(key, apple).map((part) => (
						<kbd key={part}>{part}</kbd>
					))}
				</Fragment>
			))}
		</span>
	);
}

function Group({ title, rows }: { title: string; rows: readonly { keys: readonly string[]; label: string }[] }) {
	return (
		<section class="shortcut-group">
			<h3>{title}</h3>
			<dl>
				{rows.map((row) => (
					<div class="shortcut-row" key={row.label}>
						<dt>
							<Keys keys={row.keys} />
						</dt>
						<dd>{row.label}</dd>
					</div>
				))}
			</dl>
		</section>
	);
}

const byGroup = (group: Shortcut["group"]) => SHORTCUTS.filter((s) => s.group === group);

export function ShortcutsSheet({ onClose }: { onClose: () => void }) {
	return (
		<Sheet title="Keyboard shortcuts" onClose={onClose} class="shortcuts-sheet">
			<p class="shortcut-note">Single keys work when you are not typing in a field.</p>
			<Group title="General" rows={byGroup("General")} />
			<Group title="Go to" rows={byGroup("Go to")} />
			<Group title="In the command palette" rows={PALETTE_KEYS} />
		</Sheet>
	);
}
