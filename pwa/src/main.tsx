/**
 * Entry point: start loading the likely first page, take the hand-off token out of the address,
 * follow connectivity, brand and updates, load the session, render; offline sync once idle.
 */
import { render } from "preact";
import { App, preloadFirstPage } from "./app";
import { whenIdle } from "./lib/when-idle";
import { registerServiceWorker } from "./models/app-update";
import { followBrand } from "./models/brand";
import { watchConnectivity } from "./models/connectivity";
import { captureHandoffToken } from "./models/handoff";
import { watchInstallability } from "./models/install";
import { loadSession, me, saveForOffline } from "./models/session";
import "./styles/app.css";

// First: the page's chunk then downloads while the session loads, not after.
preloadFirstPage(location.pathname);
captureHandoffToken();
watchConnectivity();
followBrand();
watchInstallability();
registerServiceWorker(saveForOffline);
void loadSession();
// Offline sync (IndexedDB, outbox, the first pull) starts once the first page has rendered and the
// browser is idle: its chunk, store writes and pull stay off the first page's critical path.
whenIdle(() => void import("./models/sync").then((sync) => sync.watchSync(me)));

const root = document.getElementById("app");
if (root) render(<App />, root);
