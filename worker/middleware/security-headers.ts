/**
 * Security headers on every response: a strict CSP (no inline script), HSTS, no framing,
 * a referrer policy, a locked-down Permissions-Policy and nosniff.
 */
import type { Context } from "hono";
import { createMiddleware } from "hono/factory";
import { secureHeaders } from "hono/secure-headers";
import type { Bindings } from "../env";
import { DEFAULT_TURNSTILE_URL } from "../services/crm/forms/turnstile";

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

/**
 * The hosted lead form (`/f/…`) loads Cloudflare Turnstile's widget: its script, its challenge
 * frame and its calls come from the configured Turnstile origin (the local verifier in development).
 */
function turnstileOrigin(c: Context): string {
	const configured = (c.env as Pick<Bindings, "TURNSTILE_URL"> | undefined)?.TURNSTILE_URL;
	try {
		return new URL(configured || DEFAULT_TURNSTILE_URL).origin;
	} catch {
		return new URL(DEFAULT_TURNSTILE_URL).origin;
	}
}

const hostedFormHeaders = secureHeaders({
	...options,
	contentSecurityPolicy: {
		...CONTENT_SECURITY_POLICY,
		scriptSrc: ["'self'", turnstileOrigin],
		frameSrc: [turnstileOrigin],
		connectSrc: ["'self'", turnstileOrigin],
	},
});

export const HOSTED_FORM_PREFIX = "/f/";

export const API_DOCS_PATH = "/api/docs";

export const securityHeaders = createMiddleware(async function securityHeaders(c, next) {
	if (c.req.path === API_DOCS_PATH) return docsHeaders(c, next);
	if (c.req.path.startsWith(HOSTED_FORM_PREFIX)) return hostedFormHeaders(c, next);
	return appHeaders(c, next);
});
