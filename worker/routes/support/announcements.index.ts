/** The announcements router; publishing, editing and unpublishing are recorded in the audit log. */
import { createRouter } from "../../http/create-router";
import { requestOrigin } from "../../http/request-origin";
import { tenantScope } from "../../lib/db";
import { tenantOf } from "../../lib/host-guards";
import { enqueue } from "../../lib/jobs";
import { currentAuth } from "../../middleware/require-permission";
import { actorOf, recordAudit } from "../../services/audit/audit-log";
import { bannersFor, createAnnouncement, dismissBanner, listAnnouncements, updateAnnouncement } from "../../services/support/announcements";
import * as routes from "./announcements.routes";

export const announcementsRouter = createRouter()
	.openapi(routes.list, async (c) => c.json({ announcements: await listAnnouncements(tenantScope(c.get("db"), tenantOf(c).id)) }, 200))
	.openapi(routes.banners, async (c) => {
		const scope = tenantScope(c.get("db"), tenantOf(c).id);
		return c.json({ banners: await bannersFor(scope, currentAuth(c).user.id) }, 200);
	})
	.openapi(routes.create, async (c) => {
		const scope = tenantScope(c.get("db"), tenantOf(c).id);
		const auth = currentAuth(c);
		const { announcement, created } = await createAnnouncement(scope, (job) => enqueue(c.env, job), auth.user.id, c.req.valid("json"));
		if (created && announcement.published) {
			await recordAudit(scope, {
				action: "announcement.published",
				actor: actorOf(auth),
				target: { type: "announcement", id: announcement.id },
				...requestOrigin(c),
				detail: { title: announcement.title, audience: announcement.audience.kind },
			});
		}
		return c.json(announcement, 201);
	})
	.openapi(routes.update, async (c) => {
		const scope = tenantScope(c.get("db"), tenantOf(c).id);
		const { before, after } = await updateAnnouncement(scope, (job) => enqueue(c.env, job), c.req.valid("param").id, c.req.valid("json"));
		const wasPublished = before.publishedAt !== null;
		await recordAudit(scope, {
			action:
				after.published && !wasPublished
					? "announcement.published"
					: !after.published && wasPublished
						? "announcement.unpublished"
						: "announcement.updated",
			actor: actorOf(currentAuth(c)),
			target: { type: "announcement", id: after.id },
			...requestOrigin(c),
			detail: { title: after.title, audience: after.audience.kind },
		});
		return c.json(after, 200);
	})
	.openapi(routes.dismiss, async (c) => {
		const scope = tenantScope(c.get("db"), tenantOf(c).id);
		await dismissBanner(scope, currentAuth(c).user.id, c.req.valid("param").id);
		return c.body(null, 204);
	});
