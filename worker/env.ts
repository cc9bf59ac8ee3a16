/** The Hono environment: Worker bindings plus the per-request variables the middleware chain sets. */
import type { DrizzleD1Database } from "drizzle-orm/d1";
import type { TenantSummary } from "../schema/dto/auth";
import type { PublicBrand } from "../schema/dto/branding";
import type * as schema from "../schema/index";
import type { Permission, Role } from "../schema/permissions";
import type { PersonAppearance } from "../schema/theme";
import type { Logger } from "./lib/logger";

/** Optional secrets (`.dev.vars` locally, `wrangler secret put` in production); see .dev.vars.example. */
export type Secrets = {
	/** Bearer key of the HTTP email provider; unset → email goes to the dev mailbox (development) or is held as failed. */
	EMAIL_API_KEY?: string;
	/** Base URL of the HTTP email provider (Resend-compatible `POST /emails`); defaults to https://api.resend.com. */
	EMAIL_API_URL?: string;
	/** Web Push application server key (base64url P-256 point); unset → push is off. See docs/PUSH.md. */
	VAPID_PUBLIC_KEY?: string;
	/** Web Push signing key (base64url `d` of the same pair). */
	VAPID_PRIVATE_KEY?: string;
	/** Contact for push services, `mailto:` or `https:`. */
	VAPID_SUBJECT?: string;
	/** Cloudflare for SaaS: with both set, verified custom domains get a custom hostname on the zone. See docs/WHITE-LABEL.md. */
	CLOUDFLARE_API_TOKEN?: string;
	CLOUDFLARE_ZONE_ID?: string;
	/** Base URL of Cloudflare's API (tests point it at a local fake). */
	CLOUDFLARE_API_BASE?: string;
	/** OpenAI (or any OpenAI-compatible service) key for the assistant; unset → OpenAI targets are skipped. */
	OPENAI_API_KEY?: string;
	/** Base URL of the OpenAI-compatible API, including /v1; defaults to https://api.openai.com/v1. */
	OPENAI_BASE_URL?: string;
	/** Anthropic key for the assistant; unset → Anthropic targets are skipped. */
	ANTHROPIC_API_KEY?: string;
	/** Base URL of the Anthropic API (without /v1); defaults to https://api.anthropic.com. */
	ANTHROPIC_BASE_URL?: string;
	/** OAuth sign-in (docs/FEDERATED-SIGN-IN.md): a provider is offered only when its id and secret are both set. */
	GOOGLE_CLIENT_ID?: string;
	GOOGLE_CLIENT_SECRET?: string;
	/** Where Google's endpoints live; defaults to the real ones (tests point it at a local fake). */
	GOOGLE_OAUTH_BASE_URL?: string;
	MICROSOFT_CLIENT_ID?: string;
	MICROSOFT_CLIENT_SECRET?: string;
	/** Entra ID directory: `common` (default), `organizations`, or one directory's id. */
	MICROSOFT_TENANT?: string;
	/** Defaults to https://login.microsoftonline.com. */
	MICROSOFT_OAUTH_BASE_URL?: string;
	GITHUB_CLIENT_ID?: string;
	GITHUB_CLIENT_SECRET?: string;
	/** Defaults to https://github.com (authorization and token) and https://api.github.com. */
	GITHUB_OAUTH_BASE_URL?: string;
	GITHUB_API_BASE_URL?: string;
	/** Optional Workers AI binding (`[ai] binding = "AI"`); unset → Workers AI targets are skipped. */
	AI?: Ai;
	/** Stripe secret key (sk_test_… / sk_live_…); unset → billing routes answer 503 (npm start runs the local fake). */
	STRIPE_SECRET_KEY?: string;
	/** Signing secret of the Stripe webhook endpoint (whsec_…). */
	STRIPE_WEBHOOK_SECRET?: string;
	/** Where the Stripe API is, for the local fake (http://127.0.0.1:<port>); unset → api.stripe.com. */
	STRIPE_API_BASE?: string;
	/** The platform operator's bearer token (coupons, flash sales, refunds); unset → operator routes answer 503. */
	OPERATOR_TOKEN?: string;
	/** HMAC key of document share links (at least 16 characters); unset → creating and opening share links answers 503. */
	SHARE_LINK_SECRET?: string;
	/** Keys for secrets at rest (TOTP, SSO client secrets): `id:base64-32-bytes[,older…]`, current first (docs/SECURITY.md). */
	DATA_ENCRYPTION_KEYS?: string;
	/** Cloudflare Turnstile on lead forms (docs/CRM.md): the widget's site key and its secret; unset → the Turnstile check is off. */
	TURNSTILE_SITE_KEY?: string;
	TURNSTILE_SECRET_KEY?: string;
	/** Where Turnstile lives (widget script and siteverify); defaults to https://challenges.cloudflare.com (dev and tests: the local verifier). */
	TURNSTILE_URL?: string;
	/** Development only: the port links in email carry (`npm start` sets it); production links are https without a port. */
	DEV_PUBLIC_PORT?: string;
	/** Development only: the IANA time zone /dev/schedules shows times in (`npm start` passes the machine's); unset → UTC. */
	DEV_TIME_ZONE?: string;
	/** `test-run`: cheaper Argon2id for test suites, honoured only under ENVIRONMENT=development (worker/lib/passwords.ts). */
	PASSWORD_HASH_COST?: string;
};

export type Bindings = Env & Secrets;

export type Database = DrizzleD1Database<typeof schema>;

/** Which kind of host a request arrived on. */
export type HostInfo =
	| { kind: "platform" }
	| { kind: "tenant"; tenant: TenantSummary; brand: PublicBrand; hostname: string; primaryHostname: string | null };

/** Who a request acts as, whichever way it authenticated. */
type AuthBase = {
	tenantId: string;
	/** The signed-in user; for an API key, the member who created it. */
	user: { id: string; email: string; name: string };
	/** The member's built-in role (for an API key: its creator's). */
	role: Role;
	/** The member's custom role, whose permissions replace the built-in role's; null when none. */
	customRoleId: string | null;
	/** What this request may do, resolved once (and cached with the session): check this, never `role`. */
	permissions: ReadonlySet<Permission>;
};

/** A request signed in with the session cookie: a person, with their account's security state. */
export type SessionAuth = AuthBase & {
	via: "session";
	sessionId: string;
	/** The account's address has been confirmed through an emailed link. */
	emailVerified: boolean;
	/** The account has a confirmed TOTP authenticator. */
	mfaEnabled: boolean;
	/** The account has at least one passkey: with TOTP, what satisfies the agency's MFA policy. */
	hasPasskey: boolean;
	/**
	 * The account's profile columns, read with the session (and cached with it), so `GET /me` needs no
	 * query of its own; absent where the session was just created (sign-in answers read them).
	 */
	profile?: ProfileColumns;
};

export type ProfileColumns = {
	timeZone: string | null;
	locale: string | null;
	avatarFile: string | null;
	appearance: PersonAppearance | null;
};

/** A request authenticated with `Authorization: Bearer atr_…`: `permissions` are the key's scopes (within its creator's). */
export type ApiKeyAuth = AuthBase & { via: "api-key"; apiKey: { id: string; prefix: string } };

export type AuthContext = SessionAuth | ApiKeyAuth;

export type AppEnv = {
	Bindings: Bindings;
	Variables: {
		requestId: string;
		log: Logger;
		db: Database;
		host: HostInfo;
		auth: AuthContext | null;
	};
};
