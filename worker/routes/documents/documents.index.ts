/** The documents router: a client's folders, documents and versions, uploads (one request or multipart) and share links (on the agency's canonical address). */
import { createRouter } from "../../http/create-router";
import { portalRequest } from "../../http/portal-request";
import { requestOrigin } from "../../http/request-origin";
import { tenantScope } from "../../lib/db";
import { tenantOf } from "../../lib/host-guards";
import { problems } from "../../lib/problem";
import { actorOf, recordAudit } from "../../services/audit/audit-log";
import { fileResponse } from "../../services/documents/content";
import { createFolder, deleteFolder, renameFolder } from "../../services/documents/folders";
import { shareSecret } from "../../services/documents/share-token";
import { authorizeShareDownload, createShare, listShares, resolveShare, revokeShare } from "../../services/documents/shares";
import {
	abortUpload,
	completeUpload,
	createUpload,
	describeUpload,
	simpleUpload,
	uploadContentType,
	uploadPart,
} from "../../services/documents/uploads";
import {
	deleteDocument,
	documentWithVersions,
	getVersion,
	listClientDocuments,
	restoreVersion,
	updateDocument,
} from "../../services/documents/versions";
import { canonicalBaseUrl } from "../../services/tenants/tenant-address";
import * as documentRoutes from "./documents.routes";
import * as folderRoutes from "./folders.routes";
import * as shareRoutes from "./shares.routes";
import * as uploadRoutes from "./uploads.routes";

async function storedObject(files: R2Bucket, key: string): Promise<R2ObjectBody> {
	const object = await files.get(key);
	if (!object) throw problems.notFound("The stored file is missing.");
	return object;
}

export const documentsRouter = createRouter()
	.openapi(documentRoutes.list, async (c) => {
		const { scope, access } = await portalRequest(c);
		return c.json(await listClientDocuments(scope, access, c.req.valid("param").clientId, c.req.valid("query")), 200);
	})
	.openapi(documentRoutes.upload, async (c) => {
		const { scope, access, auth } = await portalRequest(c);
		const contentType = uploadContentType(c.req.header("Content-Type"));
		const documentId = await simpleUpload(
			{ scope, access, files: c.env.FILES },
			c.req.valid("param").clientId,
			auth.user.id,
			c.req.valid("query"),
			contentType,
			await c.req.arrayBuffer(),
		);
		return c.json(await documentWithVersions(scope, access, documentId), 201);
	})
	.openapi(documentRoutes.get, async (c) => {
		const { scope, access } = await portalRequest(c);
		return c.json(await documentWithVersions(scope, access, c.req.valid("param").id), 200);
	})
	.openapi(documentRoutes.update, async (c) => {
		const { scope, access } = await portalRequest(c);
		return c.json(await updateDocument(scope, access, c.req.valid("param").id, c.req.valid("json")), 200);
	})
	.openapi(documentRoutes.remove, async (c) => {
		const { scope, access } = await portalRequest(c);
		await deleteDocument(scope, c.env.FILES, access, c.req.valid("param").id);
		return c.body(null, 204);
	})
	.openapi(documentRoutes.content, async (c) => {
		const { scope, access } = await portalRequest(c);
		const query = c.req.valid("query");
		const { document, version } = await getVersion(scope, access, c.req.valid("param").id, query.versionId);
		const object = await storedObject(c.env.FILES, version.objectKey);
		return fileResponse(object, { name: document.name, contentType: version.contentType, size: version.size }, query.disposition);
	})
	.openapi(documentRoutes.restore, async (c) => {
		const { scope, access, auth } = await portalRequest(c);
		const { id, versionId } = c.req.valid("param");
		return c.json(await restoreVersion(scope, c.env.FILES, access, { documentId: id, versionId, userId: auth.user.id }), 201);
	})
	.openapi(uploadRoutes.create, async (c) => {
		const { scope, access, auth } = await portalRequest(c);
		const upload = await createUpload(
			{ scope, access, files: c.env.FILES },
			c.req.valid("param").clientId,
			auth.user.id,
			c.req.valid("json"),
		);
		return c.json(upload, 201);
	})
	.openapi(uploadRoutes.status, async (c) => {
		const { scope, access } = await portalRequest(c);
		return c.json(await describeUpload({ scope, access, files: c.env.FILES }, c.req.valid("param").id), 200);
	})
	.openapi(uploadRoutes.part, async (c) => {
		const { scope, access } = await portalRequest(c);
		const { id, partNumber } = c.req.valid("param");
		return c.json(await uploadPart({ scope, access, files: c.env.FILES }, id, partNumber, await c.req.arrayBuffer()), 200);
	})
	.openapi(uploadRoutes.complete, async (c) => {
		const { scope, access } = await portalRequest(c);
		const documentId = await completeUpload({ scope, access, files: c.env.FILES }, c.req.valid("param").id);
		return c.json(await documentWithVersions(scope, access, documentId), 200);
	})
	.openapi(uploadRoutes.abort, async (c) => {
		const { scope, access } = await portalRequest(c);
		await abortUpload({ scope, access, files: c.env.FILES }, c.req.valid("param").id);
		return c.body(null, 204);
	})
	.openapi(folderRoutes.create, async (c) => {
		const { scope, access } = await portalRequest(c);
		return c.json(await createFolder(scope, access, c.req.valid("param").clientId, c.req.valid("json")), 201);
	})
	.openapi(folderRoutes.rename, async (c) => {
		const { scope, access } = await portalRequest(c);
		return c.json(await renameFolder(scope, access, c.req.valid("param").id, c.req.valid("json").name), 200);
	})
	.openapi(folderRoutes.remove, async (c) => {
		const { scope, access } = await portalRequest(c);
		await deleteFolder(scope, access, c.req.valid("param").id);
		return c.body(null, 204);
	})
	.openapi(shareRoutes.create, async (c) => {
		const { scope, access, auth } = await portalRequest(c);
		const body = c.req.valid("json");
		// Links start at the agency's canonical address (primary custom domain, else sub-domain), never this request's Host.
		const linkBase = await canonicalBaseUrl(c.get("db"), c.env, scope.tenantId);
		if (!linkBase) throw problems.notFound("No agency is served at this address.");
		const share = await createShare(scope, access, shareSecret(c.env.SHARE_LINK_SECRET), {
			documentId: c.req.valid("param").id,
			expiresInHours: body.expiresInHours,
			password: body.password,
			userId: auth.user.id,
			origin: linkBase,
		});
		await recordAudit(scope, {
			action: "document.share_created",
			actor: actorOf(auth),
			target: { type: "document", id: share.documentId },
			detail: { shareId: share.id, expiresAt: share.expiresAt, password: share.hasPassword },
			...requestOrigin(c),
		});
		return c.json(share, 201);
	})
	.openapi(shareRoutes.list, async (c) => {
		const { scope, access } = await portalRequest(c);
		return c.json({ shares: await listShares(scope, access, c.req.valid("param").id) }, 200);
	})
	.openapi(shareRoutes.revoke, async (c) => {
		const { scope, access, auth } = await portalRequest(c);
		const share = await revokeShare(scope, access, c.req.valid("param").id);
		await recordAudit(scope, {
			action: "document.share_revoked",
			actor: actorOf(auth),
			target: { type: "document", id: share.documentId },
			detail: { shareId: share.id },
			...requestOrigin(c),
		});
		return c.json(share, 200);
	})
	.openapi(shareRoutes.publicInfo, async (c) => {
		const scope = tenantScope(c.get("db"), tenantOf(c).id);
		const { share, name, version } = await resolveShare(scope, shareSecret(c.env.SHARE_LINK_SECRET), c.req.valid("param").token);
		return c.json(
			{
				fileName: name,
				size: version.size,
				contentType: version.contentType,
				expiresAt: share.expiresAt,
				needsPassword: share.passwordHash !== null,
			},
			200,
		);
	})
	.openapi(shareRoutes.publicDownload, async (c) => {
		const scope = tenantScope(c.get("db"), tenantOf(c).id);
		const { share, name, version } = await resolveShare(scope, shareSecret(c.env.SHARE_LINK_SECRET), c.req.valid("param").token);
		await authorizeShareDownload(scope, c.env.TENANT_GATE, share, undefined);
		const object = await storedObject(c.env.FILES, version.objectKey);
		return fileResponse(object, { name, contentType: version.contentType, size: version.size }, "attachment");
	})
	.openapi(shareRoutes.publicDownloadWithPassword, async (c) => {
		const scope = tenantScope(c.get("db"), tenantOf(c).id);
		const { share, name, version } = await resolveShare(scope, shareSecret(c.env.SHARE_LINK_SECRET), c.req.valid("param").token);
		await authorizeShareDownload(scope, c.env.TENANT_GATE, share, c.req.valid("form").password);
		const object = await storedObject(c.env.FILES, version.objectKey);
		return fileResponse(object, { name, contentType: version.contentType, size: version.size }, "attachment");
	});
