/**
 * The projects list, store first (models/store-first.ts): the device's synced projects with their
 * progress (works offline, shows unsent writes), the network's newer project records laid over them,
 * and the network's list while the device holds none.
 */
import { computed } from "@preact/signals";
import type { ProjectSummaryT } from "../../../schema/dto/portal";
import { OFFLINE_PROBLEM } from "../api/problem";
import { allProjects, loadProjects } from "./dashboards";
import { projectListRecords, projectsFromStore } from "./project-from-store";
import { storeFirst } from "./store-first";
import { outbox, records } from "./sync";

const view = storeFirst<ProjectSummaryT[]>(projectListRecords);

/** What the list shows (null while loading). */
export const shownProjects = computed(() => {
	const local = projectsFromStore(view.records.value, outbox.value, allProjects.value ?? [], (key) => records.value.has(key));
	return local.length > 0 ? local : allProjects.value;
});

/** Syncs and asks the network together. */
export async function refreshProjects(): Promise<void> {
	await view.load(async () => {
		await loadProjects();
		const list = allProjects.value;
		return list ? { ok: true as const, value: list } : { ok: false as const, problem: OFFLINE_PROBLEM };
	});
}
