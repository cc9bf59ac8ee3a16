/** Names the browser tab (and the history entry) after the page and the agency or Atrium. */
import { useEffect } from "preact/hooks";
import { tenant } from "../models/session";

export function useDocumentTitle(page: string): void {
	const site = tenant.value?.name ?? "Atrium";
	useEffect(() => {
		document.title = page ? `${page} · ${site}` : site;
	}, [page, site]);
}
