/** The operator console's dead jobs: every agency's and the platform's, with Replay and Discard (read out by the console's live region). */
import { useEffect } from "preact/hooks";
import { operatorDeadJobs } from "../../models/dead-jobs";
import { operatorAnnouncement } from "../../models/operator-session";
import { DeadJobsTable } from "../dead-jobs-table";
import { FormAlert } from "../form-kit/form-alert";

export function DeadJobsSection() {
	useEffect(() => {
		void operatorDeadJobs.load();
	}, []);
	return (
		<section class="card" aria-labelledby="dead-jobs-heading">
			<h2 id="dead-jobs-heading">Dead jobs</h2>
			<p class="muted">Background jobs that failed for good after their retries. Replay runs one again, once; discard closes it.</p>
			<FormAlert message={operatorDeadJobs.problem.value?.detail ?? null} />
			<DeadJobsTable
				model={operatorDeadJobs}
				caption="Dead jobs of every agency and the platform, newest first"
				showAgency
				onDone={(message) => (operatorAnnouncement.value = message)}
			/>
		</section>
	);
}
