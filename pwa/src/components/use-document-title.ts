/** Names the browser tab (and the history entry) after the page and the agency (Atrium only on the platform host). */
import { useEffect } from "preact/hooks";
import { siteName } from "../models/brand";

export function useDocumentTitle(page: string): void {
	const site = siteName.value;
	useEffect(() => {
		document.title = [page, site].filter(Boolean).join(" · ");
	}, [page, site]);
}
