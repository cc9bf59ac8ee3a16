/** Shows the app-wide notice (models/notice) in a polite live region, with a way to dismiss it. */
import { dismissNotice, notice } from "../models/notice";
import { Button } from "./kit/button";

export function NoticeBar() {
	return (
		<div role="status" class="notice-region">
			{notice.value && (
				<div class="notice">
					<span>{notice.value}</span>
					<Button size="small" onClick={dismissNotice}>
						Dismiss
					</Button>
				</div>
			)}
		</div>
	);
}
