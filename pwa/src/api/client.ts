/** The typed API client (Hono's `hc` over the Worker's AppType): a renamed field breaks the build, not the user. */
import { hc } from "hono/client";
import type { AppType } from "../../../worker/app";

export const api = hc<AppType>("/", { init: { credentials: "same-origin" } });
