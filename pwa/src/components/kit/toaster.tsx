/**
 * Where toasts appear (see toast.ts): a polite live region at the bottom of the screen, above the
 * phone's tab bar. Hovering or focusing it pauses every countdown. Mounted once in frame-overlays.tsx.
 */
import { Button } from "./button";
import { IconClose } from "./icons";
import { dismiss, pauseAll, resumeAll, runAction, toasts } from "./toast";
import "./toaster.css";

export function Toaster() {
	return (
		<section
			class="kit-toaster"
			aria-label="Updates"
			onMouseEnter={pauseAll}
			onMouseLeave={resumeAll}
			onFocusIn={pauseAll}
			onFocusOut={(event) => {
				if (!event.currentTarget.contains(event.relatedTarget as Node | null)) resumeAll();
			}}
		>
			<div role="status" aria-live="polite" class="kit-toast-list">
				{toasts.value.map((t) => (
					<div key={t.id} class={`kit-toast kit-toast-${t.tone}`} data-testid="toast">
						<p>{t.message}</p>
						{t.action && (
							<Button variant="ghost" size="small" class="kit-toast-action" onClick={() => void runAction(t.id)}>
								{t.action.label}
							</Button>
						)}
						<Button variant="ghost" size="small" icon={IconClose} label="Dismiss" onClick={() => dismiss(t.id)} />
					</div>
				))}
			</div>
		</section>
	);
}
