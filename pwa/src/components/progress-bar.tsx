/** A project's percent complete, as a labelled progressbar with the number beside it. */
import type { ProgressT } from "../../../schema/dto/portal";

export function ProgressBar({ progress, label }: { progress: ProgressT; label: string }) {
	const basis = progress.basis === "none" ? "nothing planned yet" : `${progress.done} of ${progress.total} ${progress.basis} done`;
	return (
		<div class="progress">
			<div
				class="progress-track"
				role="progressbar"
				aria-label={label}
				aria-valuemin={0}
				aria-valuemax={100}
				aria-valuenow={progress.percent}
				aria-valuetext={`${progress.percent}% (${basis})`}
			>
				<div class="progress-fill" style={{ width: `${progress.percent}%` }} />
			</div>
			<p class="progress-text">
				<strong>{progress.percent}%</strong> <span>{basis}</span>
			</p>
		</div>
	);
}
