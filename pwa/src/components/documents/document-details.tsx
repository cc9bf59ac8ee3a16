/** The open document: a preview (images inline, PDFs in the browser's viewer), its versions with restore, and its share links. */

import { useState } from "preact/hooks";
import { formatDateTime } from "../../lib/date-format";
import { formatBytes } from "../../lib/format-bytes";
import type { DocumentDetailT } from "../../models/document-types";
import { contentUrl, createShare, restore, revokeShare, shares } from "../../models/documents";
import { can } from "../../models/session";
import { AskAssistantLink } from "../ask-assistant-link";
import { Form, SubmitButton } from "../form-kit/form";
import { FormAlert } from "../form-kit/form-alert";
import { Field } from "../form-kit/text-field";
import { Button } from "../kit/button";

const IMAGE_TYPES = ["image/png", "image/jpeg", "image/gif", "image/webp"];

export function DocumentDetails({ clientId, document: doc }: { clientId: string; document: DocumentDetailT }) {
	const [alert, setAlert] = useState<string | null>(null);
	const [hours, setHours] = useState("72");
	const [password, setPassword] = useState("");
	const [newLink, setNewLink] = useState<string | null>(null);
	const writable = can("documents:write");

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
							<Button
								variant="primary"
								block={false}
								onClick={async () => {
									const result = await restore(clientId, doc.id, v.id);
									setAlert(result.ok ? null : result.problem.detail);
								}}
							>
								Restore version {v.number}
							</Button>
						)}
					</li>
				))}
			</ol>
			{writable && (
				<>
					<h3>Share links</h3>
					<Form
						class="inline-form"
						aria-label="Create a share link"
						send={() => createShare(doc.id, Number(hours), password)}
						check={() => ({ expiresInHours: /^\d+$/.test(hours.trim()) ? undefined : "Enter a whole number of hours, 1 to 2160." })}
						onSuccess={(created) => {
							setNewLink(created.url);
							setPassword("");
						}}
					>
						<Field id="share-hours" name="expiresInHours" label="Link works for (hours)" type="number" value={hours} onInput={setHours} />
						<Field
							id="share-password"
							name="password"
							label="Password (optional, at least 8 characters)"
							type="password"
							autoComplete="new-password"
							required={false}
							value={password}
							onInput={setPassword}
						/>
						<SubmitButton busyLabel="Creating…">Create share link</SubmitButton>
					</Form>
					{newLink && (
						<Field id="share-link" name="share-link" label="New link (copy it now)" readOnly verbatim value={newLink} onInput={() => {}} />
					)}
					<ul class="record-list" aria-label="Share links">
						{shares.value.map((s) => (
							<li key={s.id} class="record record-stacked">
								<span>
									{s.revokedAt ? "Revoked" : `Expires ${formatDateTime(s.expiresAt)}`}
									{s.hasPassword ? " · password" : ""} · {s.downloadCount} downloads
								</span>
								{!s.revokedAt && (
									<Button variant="primary" block={false} onClick={() => revokeShare(doc.id, s.id)}>
										Revoke link
									</Button>
								)}
							</li>
						))}
					</ul>
				</>
			)}
		</section>
	);
}
