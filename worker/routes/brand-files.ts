/**
 * `GET /brand/<file>`: an agency's brand images, on its own host only. Names are content-hashed,
 * so they are cached for a year; a host can only ever read files under its own tenant's prefix.
 */
import { Hono } from "hono";
import type { AppEnv } from "../env";
import { problems } from "../lib/problem";
import { hostOfRequest } from "../middleware/tenant";
import { brandObjectKey } from "../services/branding/branding";

const FILE_NAME = /^[a-z0-9-]+-[0-9a-f]{16}\.png$/;

export const brandFilesRouter = new Hono<AppEnv>();

brandFilesRouter.get("/brand/:file", async (c) => {
	const host = await hostOfRequest(c);
	const file = c.req.param("file");
	if (host?.kind !== "tenant" || !FILE_NAME.test(file)) throw problems.notFound("There is no such image.");
	const object = await c.env.FILES.get(brandObjectKey(host.tenant.id, file));
	if (!object) throw problems.notFound("There is no such image.");
	return c.body(object.body, 200, {
		"Content-Type": "image/png",
		"Cache-Control": "public, max-age=31536000, immutable",
		ETag: object.httpEtag,
		"X-Content-Type-Options": "nosniff",
	});
});
