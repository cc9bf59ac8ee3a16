/** The frame of the signed-out pages: the agency's logo and name (Atrium's only on the platform host) above one card. */
import type { ComponentChildren } from "preact";
import { brandLogo, siteName } from "../models/brand";

export function AuthLayout({ children }: { children: ComponentChildren }) {
	return (
		<>
			<header class="auth-header">
				{brandLogo.value && <img class="brand-logo" src={brandLogo.value} alt="" height={32} />}
				<span>{siteName.value}</span>
			</header>
			<main id="main" class="auth-page">
				<div class="auth-card">{children}</div>
			</main>
		</>
	);
}
