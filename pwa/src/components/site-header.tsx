/** The signed-in header: the agency's logo and name, the offline indicator, the menu toggle on small screens, the user and sign-out. */
import { brandLogo, siteName } from "../models/brand";
import { me } from "../models/session";
import { OfflineBadge } from "./offline-badge";
import { SignOutButton } from "./sign-out-button";

export function SiteHeader({ menuOpen, onToggleMenu }: { menuOpen: boolean; onToggleMenu: () => void }) {
	return (
		<header class="site-header">
			<button type="button" class="menu-button" aria-expanded={menuOpen} aria-controls="main-nav" onClick={onToggleMenu}>
				Menu
			</button>
			<a href="/" class="brand">
				{brandLogo.value && <img class="brand-logo" src={brandLogo.value} alt="" height={28} />}
				<span>{siteName.value}</span>
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
