/** The Hono environment: Worker bindings plus the per-request variables the middleware chain sets. */
import type { DrizzleD1Database } from "drizzle-orm/d1";
import type { TenantSummary } from "../schema/dto/auth";
import type * as schema from "../schema/index";
import type { Permission, Role } from "../schema/permissions";
import type { Logger } from "./lib/logger";

/** Optional secrets (`.dev.vars` locally, `wrangler secret put` in production); see .dev.vars.example. */
export type Secrets = {
	/** Bearer key of the HTTP email provider; unset → email goes to the dev mailbox (development) or is held as failed. */
	EMAIL_API_KEY?: string;
	/** Base URL of the HTTP email provider (Resend-compatible `POST /emails`); defaults to https://api.resend.com. */
	EMAIL_API_URL?: string;
};

export type Bindings = Env & Secrets;

export type Database = DrizzleD1Database<typeof schema>;

/** Which kind of host a request arrived on. */
export type HostInfo = { kind: "platform" } | { kind: "tenant"; tenant: TenantSummary; hostname: string };

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

/** A request signed in with the session cookie. */
export type SessionAuth = AuthBase & { via: "session"; sessionId: string };

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
