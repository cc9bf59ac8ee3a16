/** Route declarations of custom domains: list, add, verify, make primary, remove. */
import { createRoute, z } from "@hono/zod-openapi";
import { AddDomainBody, TenantDomainList, TenantDomainView } from "../../../schema/dto/domains";
import { jsonBody, jsonContent, problemContent, WRITE_ERRORS } from "../../http/openapi-responses";
import { requirePermission } from "../../middleware/require-permission";

const tags = ["Domains"];
const idParam = z.object({ id: z.string().max(64, "is not a domain id") });
const errors = {
	401: problemContent("Not signed in"),
	403: problemContent("Not allowed, or the plan has no custom domains"),
	404: problemContent("No such domain"),
};

export const list = createRoute({
	method: "get",
	path: "/api/v1/domains",
	tags,
	summary: "The agency's addresses: its sub-domain and custom domains with their DNS records and status",
	middleware: [requirePermission("tenant:manage")] as const,
	responses: { 200: jsonContent(TenantDomainList, "Domains, oldest first"), ...errors },
});

export const add = createRoute({
	method: "post",
	path: "/api/v1/domains",
	tags,
	summary: "Add a custom domain; the answer lists the DNS records to create",
	middleware: [requirePermission("tenant:manage")] as const,
	request: { body: jsonBody(AddDomainBody) },
	responses: {
		201: jsonContent(TenantDomainView, "The domain, pending verification"),
		409: problemContent(
			"The domain is already one of the agency's, or unavailable (held by a verified or still-live claim elsewhere; the answer names no agency)",
		),
		...errors,
		...WRITE_ERRORS,
	},
});

export const verify = createRoute({
	method: "post",
	path: "/api/v1/domains/{id}/verify",
	tags,
	summary: "Check the domain's TXT record now; when it matches, the portal is served there",
	middleware: [requirePermission("tenant:manage")] as const,
	request: { params: idParam },
	responses: {
		200: jsonContent(TenantDomainView, "The domain: active, or still pending with the reason"),
		409: problemContent("Not a custom domain"),
		...errors,
	},
});

export const makePrimary = createRoute({
	method: "post",
	path: "/api/v1/domains/{id}/primary",
	tags,
	summary: "Make an active domain the primary address; the app's pages elsewhere redirect to it",
	middleware: [requirePermission("tenant:manage")] as const,
	request: { params: idParam },
	responses: { 200: jsonContent(TenantDomainList, "All domains"), 409: problemContent("The domain is not verified"), ...errors },
});

export const remove = createRoute({
	method: "delete",
	path: "/api/v1/domains/{id}",
	tags,
	summary: "Remove a custom domain (and its Cloudflare custom hostname)",
	middleware: [requirePermission("tenant:manage")] as const,
	request: { params: idParam },
	responses: {
		200: jsonContent(TenantDomainList, "The remaining domains"),
		409: problemContent("The sub-domain cannot be removed"),
		...errors,
	},
});
