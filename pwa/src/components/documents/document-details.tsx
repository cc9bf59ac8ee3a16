/** The open document: a preview (images inline, PDFs in the browser's viewer), its versions with restore, and its share links. */

import { useState } from "preact/hooks";
import { formatDateTime } from "../../lib/date-format";
import { formatBytes } from "../../lib/format-bytes";
import type { DocumentDetailT } from "../../models/document-types";
import { contentUrl, createShare, restore, revokeShare, shares } from "../../models/documents";
import { can } from "../../models/session";
import { AskAssistantLink } from "../ask-assistant-link";
import { FormAlert } from "../form-kit/form-alert";

const IMAGE_TYPES = ["image/png", "image/jpeg", "image/gif", "image/webp"];

export function DocumentDetails({ clientId, document: doc }: { clientId: string; document: DocumentDetailT }) {
	const [alert, setAlert] = useState<string | null>(null);
	const [hours, setHours] = useState("72");
	const [password, setPassword] = useState("");
	const [newLink, setNewLink] = useState<string | null>(null);
	const writable = can("documents:write");
	const share = async (event: Event) => {
		event.preventDefault();
		const result = await createShare(doc.id, Number(hours), password);
		setAlert(result.ok ? null : result.problem.detail);
		if (result.ok) {
			setNewLink(result.value.url);
			setPassword("");
		}
	};
	return (
		<section class="card" aria-labelledby="document-heading">
			<h2 id="document-heading">{doc.name}</h2>
			<FormAlert message={alert} />
			{IMAGE_TYPES.includes(doc.contentType) && (
				<img class="document-preview" src={contentUrl(doc.id, { inline: true })} alt={`Preview of ${doc.name}`} />
			)}
			{doc.contentType === "application/pdf" && (
				<p>
					<a href={contentUrl(doc.id, { inline: true })} target="_blank" rel="noopener">
						Open {doc.name} in the browser
					</a>
				</p>
			)}
			{/^(text\/|application\/(pdf|json|xml|markdown|x-markdown)\b)/.test(doc.contentType) && (
				<p>
					<AskAssistantLink kind="document" id={doc.id} label={doc.name} />
				</p>
			)}
			<h3>Versions</h3>
			<ol class="record-list" aria-label="Versions">
				{doc.versions.map((v) => (
					<li key={v.id} class="record record-stacked">
						<span class="record-title">
							Version {v.number}
							{v.current ? " (current)" : ""}
						</span>
						<span class="record-meta">
							{formatBytes(v.size)} · {formatDateTime(v.createdAt)}
							{v.uploaderName ? ` · ${v.uploaderName}` : ""}
						</span>
						<a href={contentUrl(doc.id, { versionId: v.id })} download={doc.name}>
							Download version {v.number}
						</a>
						{writable && !v.current && (
							<button
								type="button"
								class="button"
								onClick={async () => {
									const result = await restore(clientId, doc.id, v.id);
									setAlert(result.ok ? null : result.problem.detail);
								}}
							>
								Restore version {v.number}
							</button>
						)}
					</li>
				))}
			</ol>
			{writable && (
				<>
					<h3>Share links</h3>
					<form class="inline-form" onSubmit={share} noValidate>
						<div class="field">
							<label for="share-hours">Link works for (hours)</label>
							<input id="share-hours" type="number" min={1} max={2160} value={hours} onInput={(e) => setHours(e.currentTarget.value)} />
						</div>
						<div class="field">
							<label for="share-password">Password (optional, at least 8 characters)</label>
							<input
								id="share-password"
								type="password"
								autoComplete="new-password"
								value={password}
								onInput={(e) => setPassword(e.currentTarget.value)}
							/>
						</div>
						<button type="submit" class="button primary">
							Create share link
						</button>
					</form>
					{newLink && (
						<p>
							<label for="share-link">New link (copy it now)</label>
							<input id="share-link" readOnly value={newLink} />
						</p>
					)}
					<ul class="record-list" aria-label="Share links">
						{shares.value.map((s) => (
							<li key={s.id} class="record record-stacked">
								<span>
									{s.revokedAt ? "Revoked" : `Expires ${formatDateTime(s.expiresAt)}`}
									{s.hasPassword ? " · password" : ""} · {s.downloadCount} downloads
								</span>
								{!s.revokedAt && (
									<button type="button" class="button" onClick={() => revokeShare(doc.id, s.id)}>
										Revoke link
									</button>
								)}
							</li>
						))}
					</ul>
				</>
			)}
		</section>
	);
}
