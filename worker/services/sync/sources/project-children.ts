/** Records that hang off a project (milestones, tasks, deliverables) take their project's client and liveness. */
import { toDto } from "../../portal/visible-project";
import type { LoadedRecord } from "../source";

type ChildRow = { id: string; tenantId: string; deletedAt: number | null };

/** A child row joined to its project (`clientId`/`projectDeletedAt` null when the project is gone). */
export function childRecord(row: ChildRow, clientId: string | null, projectDeletedAt: number | null): LoadedRecord {
	return {
		id: row.id,
		clientId,
		live: row.deletedAt === null && clientId !== null && projectDeletedAt === null,
		record: toDto(row),
	};
}
