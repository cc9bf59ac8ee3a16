/** Entry point: take the hand-off token out of the address, follow connectivity, brand and updates, load the session, render. */
import { render } from "preact";
import { App } from "./app";
import { registerServiceWorker } from "./models/app-update";
import { followBrand } from "./models/brand";
import { watchConnectivity } from "./models/connectivity";
import { captureHandoffToken } from "./models/handoff";
import { watchInstallability } from "./models/install";
import { loadSession, saveForOffline } from "./models/session";
import "./styles/app.css";

captureHandoffToken();
watchConnectivity();
followBrand();
watchInstallability();
registerServiceWorker(saveForOffline);
void loadSession();
// Offline sync (IndexedDB, outbox) loads after the first render, keeping the initial JS small.
void import("./models/sync").then((sync) => sync.watchSync());

const root = document.getElementById("app");
if (root) render(<App />, root);
