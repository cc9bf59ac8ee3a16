/**
 * The phone's More sheet: every area not on the tab bar, the account page and sign-out, in a modal
 * sheet that slides up from the bottom. A native modal <dialog> keeps focus inside it; Escape, its
 * Close button and the phone's back button close it, and focus returns to the More button. A link
 * closes it and then moves to its page (focus then goes to the page, as after any navigation).
 */
import type { RefObject } from "preact";
import { useEffect, useRef } from "preact/hooks";
import { useLocation } from "preact-iso";
import { moreAreas } from "../../models/areas";
import { IconClose, IconUser } from "../kit/icons";
import { SignOutButton } from "../sign-out-button";
import { AreaBadge } from "./area-badge";
import { AreaIcon } from "./area-icon";
import { currentMark } from "./is-current";
import { useBackCloses } from "./use-back-closes";

type Props = { open: boolean; onClosed: () => void; opener: RefObject<HTMLButtonElement | null> };

export function MoreSheet({ open, onClosed, opener }: Props) {
	const { path, route } = useLocation();
	const dialog = useRef<HTMLDialogElement>(null);
	const navigating = useRef(false);
	const isOpen = useRef(open);
	isOpen.current = open;

	const hide = () => {
		dialog.current?.close();
		onClosed();
		if (!navigating.current) opener.current?.focus();
		navigating.current = false;
	};
	const dismiss = useBackCloses(open, hide);

	useEffect(() => {
		if (open && !dialog.current?.open) dialog.current?.showModal();
	}, [open]);

	// A tap on the backdrop (outside the sheet's box, which is the dialog itself) closes it; Escape is the keyboard's way.
	const dismissRef = useRef(dismiss);
	dismissRef.current = dismiss;
	useEffect(() => {
		const element = dialog.current;
		const onTap = (event: MouseEvent) => {
			if (event.target === element) dismissRef.current();
		};
		element?.addEventListener("click", onTap);
		return () => element?.removeEventListener("click", onTap);
	}, []);

	const follow = (event: MouseEvent, href: string) => {
		if (event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
		event.preventDefault();
		event.stopPropagation();
		navigating.current = true;
		dismiss(() => route(href));
	};

	const link = (href: string, children: preact.ComponentChildren, mark?: "page" | "true") => (
		<a href={href} aria-current={mark} onClick={(event) => follow(event, href)}>
			{children}
		</a>
	);

	return (
		<dialog
			id="more-sheet"
			ref={dialog}
			class="more-sheet"
			aria-labelledby="more-sheet-title"
			onCancel={(event) => {
				event.preventDefault();
				dismiss();
			}}
			onClose={() => {
				if (isOpen.current) dismiss();
			}}
		>
			<div class="more-sheet-inner">
				<div class="more-sheet-head">
					<h2 id="more-sheet-title">More</h2>
					<button type="button" class="nav-icon-button" onClick={() => dismiss()}>
						<IconClose size={22} />
						<span class="visually-hidden">Close</span>
					</button>
				</div>
				<nav aria-label="More">
					<ul>
						{moreAreas.value.map((area) => (
							<li key={area.path}>
								{link(
									area.path,
									<>
										<AreaIcon path={area.path} />
										<span>{area.label}</span>
										<AreaBadge path={area.path} />
									</>,
									currentMark(area.path, path),
								)}
							</li>
						))}
						<li>
							{link(
								"/account",
								<>
									<IconUser size={22} class="area-icon" />
									<span>Your account</span>
								</>,
								currentMark("/account", path),
							)}
						</li>
					</ul>
				</nav>
				<SignOutButton className="button secondary more-sheet-signout" />
			</div>
		</dialog>
	);
}
