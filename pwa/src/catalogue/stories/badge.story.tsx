/** Badge and CountBadge: every tone, record statuses, counts and the cap. */
import { Badge, CountBadge } from "../../components/kit/badge";
import { Example } from "../example";
import { defineStory } from "../story";

export default defineStory({
	id: "badge",
	title: "Badge and count",
	group: "Primitives",
	sources: ["components/kit/badge.tsx"],
	usage: "A short word in a pill for a status, a count on a navigation entry. The text carries the meaning; the colour only repeats it.",
	example: `<Badge tone="success">Paid</Badge>\n<CountBadge count={unread} label="unread" />`,
	render: () => (
		<>
			<Example title="Tones">
				<Badge tone="neutral">Draft</Badge>
				<Badge tone="info">In review</Badge>
				<Badge tone="success">Paid</Badge>
				<Badge tone="warning">Due soon</Badge>
				<Badge tone="danger">Overdue</Badge>
			</Example>
			<Example title="Counts (hidden at 0, capped at 99+)">
				<span>
					Messages <CountBadge count={3} label="unread" />
				</span>
				<span>
					Notifications <CountBadge count={120} label="unread" />
				</span>
				<span>
					Tasks <CountBadge count={0} label="open" />
				</span>
			</Example>
		</>
	),
});
