/** Entry point: styles, connectivity, the service worker, the session, then the app. */
import { render } from "preact";
import { App } from "./app";
import { registerServiceWorker } from "./models/app-update";
import { watchConnectivity } from "./models/connectivity";
import { loadSession } from "./models/session";
import "./styles/app.css";

watchConnectivity();
registerServiceWorker();
void loadSession();

const root = document.getElementById("app");
if (root) render(<App />, root);
