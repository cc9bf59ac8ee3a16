/** The signed-in frame: skip link, header with the agency and user, main navigation, and the page. */
import { useSignal } from "@preact/signals";
import type { ComponentChildren } from "preact";
import { useLocation } from "preact-iso";
import { CLIENT_AREAS, STAFF_AREAS } from "../areas";
import { online } from "../models/connectivity";
import { isStaff, me, signOut, tenant } from "../models/session";

export function AppFrame({ children }: { children: ComponentChildren }) {
	const location = useLocation();
	const menuOpen = useSignal(false);
	const areas = isStaff.value ? STAFF_AREAS : CLIENT_AREAS;

	const onSignOut = async () => {
		await signOut();
		location.route("/signin");
	};

	return (
		<div class="frame">
			<a class="skip-link" href="#main">
				Skip to content
			</a>
			<header class="frame-header">
				<span class="brand">{tenant.value?.name}</span>
				{!online.value && (
					<p class="offline-badge" role="status">
						Offline — showing what was last loaded
					</p>
				)}
				<button
					type="button"
					class="menu-button"
					aria-expanded={menuOpen.value}
					aria-controls="main-nav"
					onClick={() => {
						menuOpen.value = !menuOpen.value;
					}}
				>
					Menu
				</button>
				<div class="user">
					<a href="/account" class="user-name">
						{me.value?.user.name}
					</a>
					<button type="button" class="button secondary" onClick={onSignOut}>
						Sign out
					</button>
				</div>
			</header>
			<div class="frame-body">
				<nav id="main-nav" aria-label="Main" class={menuOpen.value ? "nav open" : "nav"}>
					<ul>
						{areas.map((area) => (
							<li key={area.path}>
								<a
									href={area.path}
									aria-current={location.path === area.path ? "page" : undefined}
									onClick={() => {
										menuOpen.value = false;
									}}
								>
									{area.label}
								</a>
							</li>
						))}
					</ul>
				</nav>
				<main id="main" tabIndex={-1}>
					{children}
				</main>
			</div>
		</div>
	);
}
