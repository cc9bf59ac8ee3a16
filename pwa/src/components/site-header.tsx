/**
 * The signed-in header, one compact row: the agency's logo and name (home), the sync indicator,
 * search (the command palette), and the account. On a phone the account is a 44 px icon link (sign-out lives in the More sheet);
 * on wider screens it shows the person's name and a Sign out button.
 */
import { brandLogo, siteName } from "../models/brand";
import { me } from "../models/session";
import { PaletteButton } from "./command-palette/palette-button";
import { IconUser } from "./kit/icons";
import { isPhone } from "./navigation/layout-state";
import { OfflineBadge } from "./offline-badge";
import { SignOutButton } from "./sign-out-button";
import "./navigation/navigation.css";

export function SiteHeader() {
	const name = me.value?.user.name;
	return (
		<header class="app-header">
			<a href="/" class="app-header-brand">
				{brandLogo.value && <img class="brand-logo" src={brandLogo.value} alt="" height={28} />}
				<span>{siteName.value}</span>
			</a>
			<OfflineBadge />
			<PaletteButton />
			{isPhone.value ? (
				<a href="/account" class="nav-icon-button app-header-account" title={me.value?.user.email}>
					<IconUser size={22} />
					<span class="visually-hidden">{name ? `${name}, your account` : "Your account"}</span>
				</a>
			) : (
				<div class="app-header-user">
					<a href="/account" class="user-link" title={me.value?.user.email}>
						<span class="user-name">{name}</span>
						<span class="visually-hidden">, your account</span>
					</a>
					<SignOutButton />
				</div>
			)}
		</header>
	);
}
