/**
 * Every scenario, in the order they run. The baseline always runs first and the others are compared
 * with it; DIAGNOSTICS run only when BENCH_ONLY names them.
 */
import { chatAppend } from "./chat-append";
import { clientList } from "./client-list";
import { credits } from "./credits";
import { DIAGNOSTICS } from "./diagnostics";
import { me } from "./me";
import { ping } from "./ping";
import { threadMessages } from "./thread-messages";
import type { Scenario } from "./types";

export const BASELINE: Scenario = ping;

/** The default rows. Later issues append theirs here (credit reserve+settle, sync, chat…). */
export const SCENARIOS: Scenario[] = [me, credits, chatAppend, clientList, threadMessages];

export { DIAGNOSTICS };
