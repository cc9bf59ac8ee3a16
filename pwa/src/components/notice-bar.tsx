/** Shows the app-wide notice (models/notice) in a polite live region, with a way to dismiss it. */
import { dismissNotice, notice } from "../models/notice";

export function NoticeBar() {
	return (
		<div role="status" class="notice-region">
			{notice.value && (
				<div class="notice">
					<span>{notice.value}</span>
					<button type="button" class="button secondary small" onClick={dismissNotice}>
						Dismiss
					</button>
				</div>
			)}
		</div>
	);
}
