/** A path inside the app that leads nowhere. */
import { useDocumentTitle } from "../components/use-document-title";

export default function NotFound() {
	useDocumentTitle("Page not found");
	return (
		<>
			<h1>Page not found</h1>
			<p>
				There is nothing at this address. <a href="/">Go to the start page</a>
			</p>
		</>
	);
}
