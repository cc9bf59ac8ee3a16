// Starts Swagger UI on /api/docs with the live OpenAPI document (kept as a file: the CSP allows no inline script).
window.ui = window.SwaggerUIBundle({ url: "/api/openapi.json", dom_id: "#swagger-ui", deepLinking: true });
