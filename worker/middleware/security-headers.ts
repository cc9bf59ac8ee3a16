/**
 * Security headers on every response: a strict CSP (no inline script), HSTS, no framing,
 * a referrer policy, a locked-down Permissions-Policy and nosniff.
 */
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

export const securityHeaders = secureHeaders({
	contentSecurityPolicy: CONTENT_SECURITY_POLICY,
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
});
