/**
 * Routes declared with protectedRoute carry, in the OpenAPI document, what every protected route
 * shares: the session-cookie and API-key security schemes, and 401 / 403 (naming the permission) /
 * 422 problem responses.
 */
import { describe, expect, it } from "vitest";
import { call, PLATFORM } from "../support/http";

type Operation = { security?: Record<string, string[]>[]; responses: Record<string, { description: string }> };
type Document = { paths: Record<string, Record<string, Operation>>; components?: { securitySchemes?: Record<string, { type: string }> } };

async function openApiDocument(): Promise<Document> {
	const res = await call(PLATFORM, "/api/openapi.json");
	expect(res.status).toBe(200);
	return (await res.json()) as Document;
}

describe("protected routes in the OpenAPI document", () => {
	it("name the session and API-key schemes and the 401, 403 and 422 problems, the 403 naming the permission", async () => {
		const doc = await openApiDocument();
		expect(doc.components?.securitySchemes).toMatchObject({ sessionCookie: { type: "apiKey" }, apiKey: { type: "http" } });
		const operations: [string, string, string][] = [
			["/api/v1/tasks", "get", "projects:read"],
			["/api/v1/tasks", "post", "projects:write"],
			["/api/v1/clients", "get", "clients:read or clients:own"],
			["/api/v1/projects/{id}/milestones", "post", "projects:write"],
			["/api/v1/deliverables/{id}/reviews", "post", "deliverables:review"],
		];
		for (const [path, method, permission] of operations) {
			const operation = doc.paths[path]?.[method];
			expect(operation, `${method} ${path}`).toBeDefined();
			expect(operation?.security, `${method} ${path}`).toEqual([{ sessionCookie: [] }, { apiKey: [] }]);
			expect(Object.keys(operation?.responses ?? {}), `${method} ${path}`).toEqual(expect.arrayContaining(["401", "403", "422"]));
			if (path !== "/api/v1/tasks" || method === "get") {
				expect(operation?.responses["403"]?.description, `${method} ${path}`).toContain(permission);
			}
		}
	});
});
