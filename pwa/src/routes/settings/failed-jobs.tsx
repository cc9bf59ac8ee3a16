/** Settings → Failed jobs (owners and admins): this agency's background jobs that failed for good, with Replay and Discard. */
import { useSignal } from "@preact/signals";
import { useEffect } from "preact/hooks";
import { DeadJobsTable } from "../../components/dead-jobs-table";
import { FormAlert } from "../../components/form-kit/form-alert";
import { agencyDeadJobs } from "../../models/dead-jobs";
import { SettingsPage } from "./settings-page";

export default function FailedJobs() {
	const announcement = useSignal("");
	useEffect(() => {
		void agencyDeadJobs.load();
		return () => agencyDeadJobs.forget();
	}, []);
	return (
		<SettingsPage path="/settings/failed-jobs">
			<p>
				Emails, reminders and other background work that still failed after its retries. Replay runs a job once more (anything it already
				did, such as an email sent, is not repeated); discard closes it. Both are in the audit log.
			</p>
			<p role="status">{announcement.value}</p>
			<FormAlert message={agencyDeadJobs.problem.value?.detail ?? null} />
			<DeadJobsTable model={agencyDeadJobs} caption="Failed jobs, newest first" onDone={(message) => (announcement.value = message)} />
		</SettingsPage>
	);
}
