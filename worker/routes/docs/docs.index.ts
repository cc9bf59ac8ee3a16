/**
 * The API reference: the OpenAPI 3.1 document generated from the route declarations, and an
 * interactive page (Swagger UI, served from our own assets so it works offline).
 */
import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../../env";
import { SECURITY_SCHEMES } from "../../http/protected-route";
import { API_DOCS_PATH } from "../../middleware/security-headers";

const DOCS_PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Atrium API reference</title>
<link rel="stylesheet" href="/vendor/swagger-ui/swagger-ui.css">
</head>
<body>
<main id="swagger-ui"></main>
<script src="/vendor/swagger-ui/swagger-ui-bundle.js"></script>
<script src="/vendor/swagger-ui/init.js"></script>
</body>
</html>`;

export function mountApiDocs(app: OpenAPIHono<AppEnv>): void {
	app.doc31("/api/openapi.json", (c) => ({
		openapi: "3.1.0",
		info: {
			title: "Atrium API",
			version: "1.0.0",
			description:
				"The API of Atrium, the white-label client portal for agencies. Errors are RFC 9457 problem+json. The tenant is the Host: call `<slug>.<platform domain>`.",
		},
		servers: [{ url: new URL(c.req.url).origin }],
	}));
	// The schemes protectedRoute's routes name (a session cookie or an API key).
	for (const [name, scheme] of Object.entries(SECURITY_SCHEMES)) app.openAPIRegistry.registerComponent("securitySchemes", name, scheme);
	app.get(API_DOCS_PATH, (c) => c.html(DOCS_PAGE));
}
