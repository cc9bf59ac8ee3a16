/** The download centre router: the delivered list, asking for an archive, following it and downloading it. */
import { createRouter } from "../../http/create-router";
import { portalRequest } from "../../http/portal-request";
import { requestOrigin } from "../../http/request-origin";
import { enqueue } from "../../lib/jobs";
import { problems } from "../../lib/problem";
import { actorOf, recordAudit } from "../../services/audit/audit-log";
import { contentDisposition } from "../../services/documents/content";
import { archiveDto, downloadableKey, getOwnArchive, listOwnArchives, requestArchive } from "../../services/downloads/archives";
import { listDelivered } from "../../services/downloads/delivered";
import * as routes from "./downloads.routes";

export const downloadsRouter = createRouter()
	.openapi(routes.delivered, async (c) => {
		const { scope, access } = await portalRequest(c);
		return c.json(await listDelivered(scope, access, c.req.valid("query")), 200);
	})
	.openapi(routes.requestArchive, async (c) => {
		const { scope, access, auth } = await portalRequest(c);
		const { archive, created } = await requestArchive(scope, access, c.req.valid("json"), c.req.valid("header")["idempotency-key"] ?? null);
		if (created) {
			await enqueue(c.env, {
				type: "deliverables-archive",
				tenantId: scope.tenantId,
				archiveId: archive.id,
				idempotencyKey: `archive:${archive.id}`,
			});
			await recordAudit(scope, {
				action: "deliverable.archive_requested",
				actor: actorOf(auth),
				target: { type: "deliverable_archive", id: archive.id },
				detail: { selection: JSON.parse(archive.selection) },
				...requestOrigin(c),
			});
		}
		return c.json(archiveDto(archive), 202);
	})
	.openapi(routes.listArchives, async (c) => {
		const { scope, access } = await portalRequest(c);
		return c.json({ archives: (await listOwnArchives(scope, access.userId)).map(archiveDto) }, 200);
	})
	.openapi(routes.getArchive, async (c) => {
		const { scope, access } = await portalRequest(c);
		return c.json(archiveDto(await getOwnArchive(scope, access.userId, c.req.valid("param").id)), 200);
	})
	.openapi(routes.archiveFile, async (c) => {
		const { scope, access, auth } = await portalRequest(c);
		const archive = await getOwnArchive(scope, access.userId, c.req.valid("param").id);
		const object = await c.env.FILES.get(downloadableKey(archive));
		if (!object) throw problems.notFound("This download is no longer stored.");
		await recordAudit(scope, {
			action: "deliverable.archive_downloaded",
			actor: actorOf(auth),
			target: { type: "deliverable_archive", id: archive.id },
			...requestOrigin(c),
		});
		const day = new Date(archive.readyAt ?? archive.createdAt).toISOString().slice(0, 10);
		return new Response(object.body, {
			status: 200,
			headers: {
				"Content-Type": "application/zip",
				"Content-Length": String(object.size),
				"Content-Disposition": contentDisposition("attachment", `deliverables-${day}.zip`),
				"X-Content-Type-Options": "nosniff",
				"Cache-Control": "private, no-store",
			},
		});
	});
