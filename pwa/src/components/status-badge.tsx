/** A record's status as a kit Badge in that status's colour (`badge-<status>` in app.css); the text carries the meaning. */
import { Badge } from "./kit/badge";

export function StatusBadge({ status, label }: { status: string; label: string }) {
	return <Badge tone={status}>{label}</Badge>;
}
