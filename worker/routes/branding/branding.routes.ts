/** Route declarations of branding: read it, change name/colour/sender, upload or remove images. */
import { createRoute, z } from "@hono/zod-openapi";
import { BRAND_ASSET_KINDS, BrandingSettings, BrandingUpdate } from "../../../schema/dto/branding";
import { jsonBody, jsonContent, problemContent, WRITE_ERRORS } from "../../http/openapi-responses";
import { requirePermission } from "../../middleware/require-permission";

const tags = ["Branding"];
const kindParam = z.object({ kind: z.enum(BRAND_ASSET_KINDS, { message: `must be one of ${BRAND_ASSET_KINDS.join(", ")}` }) });

export const read = createRoute({
	method: "get",
	path: "/api/v1/branding",
	tags,
	summary: "The agency's brand: name, colour, email sender name and image URLs",
	middleware: [requirePermission("tenant:read")] as const,
	responses: {
		200: jsonContent(BrandingSettings, "The brand"),
		401: problemContent("Not signed in"),
		404: problemContent("No agency here"),
	},
});

export const update = createRoute({
	method: "patch",
	path: "/api/v1/branding",
	tags,
	summary: "Change the agency's name, brand colour (must meet WCAG AA with white) or email sender name",
	middleware: [requirePermission("tenant:manage")] as const,
	request: { body: jsonBody(BrandingUpdate) },
	responses: { 200: jsonContent(BrandingSettings, "The brand as saved"), 401: problemContent("Not signed in"), ...WRITE_ERRORS },
});

export const uploadAsset = createRoute({
	method: "put",
	path: "/api/v1/branding/images/{kind}",
	tags,
	summary: "Upload a PNG for the logo, favicon (48×48) or an app icon (192×192, 512×512, maskable 512×512)",
	middleware: [requirePermission("tenant:manage")] as const,
	request: {
		params: kindParam,
		body: { required: true, content: { "image/png": { schema: z.string().meta({ format: "binary" }) } } },
	},
	responses: {
		200: jsonContent(BrandingSettings, "The brand with the new image"),
		401: problemContent("Not signed in"),
		415: problemContent("The body is not image/png"),
		...WRITE_ERRORS,
	},
});

export const removeAsset = createRoute({
	method: "delete",
	path: "/api/v1/branding/images/{kind}",
	tags,
	summary: "Remove a brand image; Atrium's default is used again",
	middleware: [requirePermission("tenant:manage")] as const,
	request: { params: kindParam },
	responses: {
		200: jsonContent(BrandingSettings, "The brand without that image"),
		401: problemContent("Not signed in"),
		403: problemContent("Not allowed"),
	},
});
