/** Entry point: take the hand-off token out of the address, start watching connectivity and updates, load the session, render. */
import { render } from "preact";
import { App } from "./app";
import { registerServiceWorker } from "./models/app-update";
import { watchConnectivity } from "./models/connectivity";
import { captureHandoffToken } from "./models/handoff";
import { loadSession, saveForOffline } from "./models/session";
import "./styles/app.css";

captureHandoffToken();
watchConnectivity();
registerServiceWorker(saveForOffline);
void loadSession();

const root = document.getElementById("app");
if (root) render(<App />, root);
