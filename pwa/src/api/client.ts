/** The typed API client (Hono's `hc` over the Worker's AppType): a renamed field breaks the build, not the user. */
import { hc } from "hono/client";
import type { AppType, OperatorAppType } from "../../../worker/app";

/** Same origin: the browser sends the session cookie and the Origin header the Worker checks on writes. */
export const api = hc<AppType>("/", { init: { credentials: "same-origin" } });

/** The operator console's API: the token goes in each call's headers (models/operator-session.ts), never a cookie. */
export const operatorApi = hc<OperatorAppType>("/", { init: { credentials: "omit" } });
