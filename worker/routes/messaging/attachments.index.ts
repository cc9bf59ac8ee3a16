/** The attachments router: small files in R2, readable only by those who can read the thread. */
import { createRouter } from "../../http/create-router";
import { portalRequest } from "../../http/portal-request";
import { problems } from "../../lib/problem";
import { readAttachment, storeAttachment } from "../../services/messaging/attachments";
import * as routes from "./attachments.routes";

export const attachmentsRouter = createRouter()
	.openapi(routes.upload, async (c) => {
		const { scope, access } = await portalRequest(c);
		const contentType = c.req.header("Content-Type")?.split(";")[0]?.trim().toLowerCase() ?? "";
		const body = await c.req.arrayBuffer();
		if (body.byteLength === 0) throw problems.validation([{ path: "body", message: "must not be empty" }]);
		const stored = await storeAttachment(c.env.FILES, scope, access, c.req.valid("param").id, {
			fileName: c.req.valid("query").name,
			contentType,
			body,
			size: body.byteLength,
		});
		return c.json(stored, 201);
	})
	.openapi(routes.download, async (c) => {
		const { scope, access } = await portalRequest(c);
		const { id, attachmentId } = c.req.valid("param");
		const { object, row } = await readAttachment(c.env.FILES, scope, access, id, attachmentId);
		return new Response(object.body, {
			headers: {
				"Content-Type": row.contentType,
				"Content-Length": String(row.size),
				"Content-Disposition": `attachment; filename*=UTF-8''${encodeURIComponent(row.fileName)}`,
				"Cache-Control": "private, no-store",
			},
		});
	});
