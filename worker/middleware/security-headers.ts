/**
 * Security headers on every response: a strict CSP (no inline script), HSTS, no framing,
 * a referrer policy, a locked-down Permissions-Policy and nosniff.
 */
import { createMiddleware } from "hono/factory";
import { secureHeaders } from "hono/secure-headers";

export const CONTENT_SECURITY_POLICY = {
	defaultSrc: ["'self'"],
	scriptSrc: ["'self'"],
	styleSrc: ["'self'"],
	imgSrc: ["'self'", "data:", "blob:"],
	fontSrc: ["'self'"],
	connectSrc: ["'self'"],
	workerSrc: ["'self'"],
	manifestSrc: ["'self'"],
	frameAncestors: ["'none'"],
	formAction: ["'self'"],
	baseUri: ["'self'"],
	objectSrc: ["'none'"],
};

const options = {
	strictTransportSecurity: "max-age=63072000; includeSubDomains",
	xFrameOptions: "DENY",
	referrerPolicy: "strict-origin-when-cross-origin",
	xContentTypeOptions: "nosniff",
	crossOriginOpenerPolicy: "same-origin",
	crossOriginResourcePolicy: "same-origin",
	permissionsPolicy: {
		camera: [],
		microphone: [],
		geolocation: [],
		payment: [],
		usb: [],
	},
} satisfies Parameters<typeof secureHeaders>[0];

const appHeaders = secureHeaders({ ...options, contentSecurityPolicy: CONTENT_SECURITY_POLICY });

/** Swagger UI sets inline styles; its page alone allows them. Scripts stay 'self' only. */
const docsHeaders = secureHeaders({
	...options,
	contentSecurityPolicy: { ...CONTENT_SECURITY_POLICY, styleSrc: ["'self'", "'unsafe-inline'"] },
});

export const API_DOCS_PATH = "/api/docs";

export const securityHeaders = createMiddleware(async function securityHeaders(c, next) {
	return c.req.path === API_DOCS_PATH ? docsHeaders(c, next) : appHeaders(c, next);
});
