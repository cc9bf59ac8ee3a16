/** The signed-in header: the agency's name, the offline indicator, the menu toggle on small screens, the user and sign-out. */
import { me, tenant } from "../models/session";
import { OfflineBadge } from "./offline-badge";
import { SignOutButton } from "./sign-out-button";

export function SiteHeader({ menuOpen, onToggleMenu }: { menuOpen: boolean; onToggleMenu: () => void }) {
	return (
		<header class="site-header">
			<button type="button" class="menu-button" aria-expanded={menuOpen} aria-controls="main-nav" onClick={onToggleMenu}>
				Menu
			</button>
			<a href="/" class="brand">
				<img src="/favicon.svg" alt="" width={28} height={28} />
				<span>{tenant.value?.name}</span>
			</a>
			<OfflineBadge />
			<div class="user">
				<a href="/account" class="user-link" title={me.value?.user.email}>
					<span class="user-name">{me.value?.user.name}</span>
					<span class="visually-hidden">, your account</span>
				</a>
				<SignOutButton />
			</div>
		</header>
	);
}
