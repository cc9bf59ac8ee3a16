// Starts Swagger UI on /api/docs with the live OpenAPI document (kept as a file: the CSP allows no inline script).
// Tags start collapsed and the schema list is hidden: rendering every operation and schema of a large
// document up front takes tens of seconds on a phone; each opens on demand instead.
window.ui = window.SwaggerUIBundle({
	url: "/api/openapi.json",
	dom_id: "#swagger-ui",
	deepLinking: true,
	docExpansion: "none",
	defaultModelsExpandDepth: -1,
});
