/** `/s/<token>`: a shared file for anyone with the link, no sign-in: its name, a download button, and a password form when needed. */
import { useEffect, useState } from "preact/hooks";
import { useRoute } from "preact-iso";
import type { z } from "zod";
import type { PublicShare } from "../../../schema/dto/documents";
import { api } from "../api/client";
import { fetchJson } from "../api/fetch-json";
import { AuthLayout } from "../components/auth-layout";
import { Field } from "../components/form-kit/text-field";
import { Button } from "../components/kit/button";
import { useDocumentTitle } from "../components/use-document-title";
import { formatDateTime } from "../lib/date-format";
import { formatBytes } from "../lib/format-bytes";
import { isSignedIn } from "../models/session";

export default function SharedFile() {
	const { params } = useRoute();
	const token = params.token ?? "";
	const [file, setFile] = useState<z.infer<typeof PublicShare> | null>(null);
	const [gone, setGone] = useState(false);
	const [password, setPassword] = useState("");
	useDocumentTitle(file?.fileName ?? "Shared file");
	useEffect(() => {
		void fetchJson(() => api.api.v1.shared[":token"].$get({ param: { token } })).then((result) => {
			if (result.ok) setFile(result.value);
			else setGone(true);
		});
	}, [token]);
	const downloadUrl = `/api/v1/shared/${encodeURIComponent(token)}/download`;
	const body = (
		<div class="card">
			{gone ? (
				<>
					<h1>This link does not work</h1>
					<p>It does not exist, has expired or was revoked. Ask the sender for a new one.</p>
				</>
			) : !file ? (
				<div class="skeleton skeleton-card" />
			) : (
				<>
					<h1>{file.fileName}</h1>
					<p>
						{formatBytes(file.size)} · link works until {formatDateTime(file.expiresAt)}
					</p>
					{file.needsPassword ? (
						// A plain post: the server answers with the file itself, so the browser downloads it.
						<form method="post" action={downloadUrl}>
							<Field
								id="share-password"
								name="password"
								label="Password"
								type="password"
								autoComplete="off"
								value={password}
								onInput={setPassword}
							/>
							<Button type="submit" variant="primary">
								Download
							</Button>
						</form>
					) : (
						<a class="button primary" href={downloadUrl} download={file.fileName}>
							Download
						</a>
					)}
				</>
			)}
		</div>
	);
	// Signed in, the app frame already holds the page's main landmark.
	return isSignedIn.value ? body : <AuthLayout>{body}</AuthLayout>;
}
