/**
 * What a list or page shows when it has nothing yet: an icon, a heading saying what is missing, a
 * sentence saying what to do next, and the action that does it (optional).
 *
 *   <EmptyState icon={IconFolder} title="No documents yet"
 *     action={<Button variant="primary" block={false} onClick={upload}>Upload a file</Button>}>
 *     Files you and your client share appear here.
 *   </EmptyState>
 */
import type { ComponentChildren } from "preact";
import "./empty-state.css";
import type { IconComponent } from "./icons";

export type EmptyStateProps = {
	title: string;
	children?: ComponentChildren;
	icon?: IconComponent;
	action?: ComponentChildren;
	/** The heading level that fits where it sits (default h2; h3 inside a card with its own h2). */
	headingLevel?: 2 | 3;
};

export function EmptyState({ title, children, icon: Icon, action, headingLevel = 2 }: EmptyStateProps) {
	const Heading = headingLevel === 3 ? "h3" : "h2";
	return (
		<div class="kit-empty">
			{Icon && (
				<span class="kit-empty-icon">
					<Icon size={28} />
				</span>
			)}
			<Heading class="kit-empty-title">{title}</Heading>
			{children && <p class="kit-empty-text">{children}</p>}
			{action && <div class="kit-empty-action">{action}</div>}
		</div>
	);
}
