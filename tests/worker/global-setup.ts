/** Local stand-ins for outside services the worker tests talk to, started once in Node for the whole run. */
import type { TestProject } from "vitest/node";
import { startLocalPushService } from "../fakes/push-service";

declare module "vitest" {
	export interface ProvidedContext {
		pushServiceUrl: string;
	}
}

export default async function setup(project: TestProject) {
	const push = await startLocalPushService();
	project.provide("pushServiceUrl", push.url);
	return () => push.close();
}
