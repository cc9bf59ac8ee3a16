/** The frame of the signed-out pages: the agency's (or Atrium's) name above one card. */
import type { ComponentChildren } from "preact";
import { tenant } from "../models/session";

export function AuthLayout({ children }: { children: ComponentChildren }) {
	return (
		<>
			<header class="auth-header">
				<img src="/favicon.svg" alt="" width={32} height={32} />
				<span>{tenant.value?.name ?? "Atrium"}</span>
			</header>
			<main id="main" class="auth-page">
				<div class="auth-card">{children}</div>
			</main>
		</>
	);
}
