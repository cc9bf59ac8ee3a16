/** One state of a component inside a story: a titled box around it. */
import type { ComponentChildren } from "preact";

export function Example({ title, children, wide = false }: { title: string; children: ComponentChildren; wide?: boolean }) {
	return (
		<section class={wide ? "catalogue-example wide" : "catalogue-example"} aria-label={title}>
			<h3 class="catalogue-example-title">{title}</h3>
			<div class="catalogue-example-body">{children}</div>
		</section>
	);
}
