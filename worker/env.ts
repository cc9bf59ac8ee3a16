/** The Hono environment: Worker bindings plus the per-request variables the middleware chain sets. */
import type { DrizzleD1Database } from "drizzle-orm/d1";
import type { TenantSummary } from "../schema/dto/auth";
import type * as schema from "../schema/index";
import type { Role } from "../schema/permissions";
import type { Logger } from "./lib/logger";

/** Optional secrets (`.dev.vars` locally, `wrangler secret put` in production); see .dev.vars.example. */
export type Secrets = {
	/** Bearer key of the HTTP email provider; unset → email goes to the dev mailbox (development) or is held as failed. */
	EMAIL_API_KEY?: string;
	/** Base URL of the HTTP email provider (Resend-compatible `POST /emails`); defaults to https://api.resend.com. */
	EMAIL_API_URL?: string;
	/** Stripe secret key (sk_test_… / sk_live_…); unset → billing routes answer 503 (npm start runs the local fake). */
	STRIPE_SECRET_KEY?: string;
	/** Signing secret of the Stripe webhook endpoint (whsec_…). */
	STRIPE_WEBHOOK_SECRET?: string;
	/** Where the Stripe API is, for the local fake (http://127.0.0.1:<port>); unset → api.stripe.com. */
	STRIPE_API_BASE?: string;
};

export type Bindings = Env & Secrets;

export type Database = DrizzleD1Database<typeof schema>;

/** Which kind of host a request arrived on. */
export type HostInfo = { kind: "platform" } | { kind: "tenant"; tenant: TenantSummary; hostname: string };

/** The signed-in user of this request, resolved from the session cookie. */
export type AuthContext = {
	sessionId: string;
	tenantId: string;
	user: { id: string; email: string; name: string };
	role: Role;
};

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
