/** Account → Security: where the account is signed in, with sign-out for one session or every other one. */
import { useSignal } from "@preact/signals";
import { useEffect } from "preact/hooks";
import { formatDateTime } from "../../lib/date-format";
import { loadSessions, revokeOtherSessions, revokeSession, sessions } from "../../models/account-security";
import { Button } from "../kit/button";
import { Skeleton } from "../kit/skeleton";

export function SessionsSection() {
	const message = useSignal<string | null>(null);
	useEffect(() => {
		void loadSessions();
	}, []);
	const list = sessions.value;
	const others = (list ?? []).filter((s) => !s.current).length;

	const revoke = async (id: string, label: string) => {
		const result = await revokeSession(id);
		message.value = result.ok ? `Signed out ${label}.` : result.problem.detail;
	};
	const revokeOthers = async () => {
		const result = await revokeOtherSessions();
		message.value = result.ok ? `Signed out ${result.value} other session${result.value === 1 ? "" : "s"}.` : result.problem.detail;
	};

	return (
		<section class="card" aria-labelledby="sessions-heading">
			<h2 id="sessions-heading">Where you are signed in</h2>
			<p role="status">{message.value}</p>
			{list === null ? (
				<Skeleton />
			) : (
				<ul class="session-list">
					{list.map((s) => (
						<li key={s.id}>
							<strong>{s.device.label}</strong>
							{s.current && <span class="badge"> (this device)</span>}
							<br />
							<span class="muted">
								{[s.place, s.ip].filter(Boolean).join(" · ") || "Place unknown"} · last active {formatDateTime(s.lastSeenAt)} · signed in{" "}
								{formatDateTime(s.createdAt)}
							</span>
							{!s.current && (
								<>
									{" "}
									<Button size="small" onClick={() => revoke(s.id, s.device.label)}>
										Sign out<span class="visually-hidden"> {s.device.label}</span>
									</Button>
								</>
							)}
						</li>
					))}
				</ul>
			)}
			{others > 0 && <Button onClick={revokeOthers}>Sign out all other sessions</Button>}
		</section>
	);
}
