/** Account → Avatar: the person's picture (made a 256-pixel square in the browser), changed or removed; initials otherwise. */
import { useSignal } from "@preact/signals";
import { removeAvatar, uploadAvatar } from "../models/profile";
import { me } from "../models/session";
import { FormAlert } from "./form-kit/form-alert";
import { Button } from "./kit/button";

const ROUND = { borderRadius: "50%" };

function initials(name: string): string {
	return name
		.trim()
		.split(/\s+/)
		.slice(0, 2)
		.map((part) => part[0]?.toUpperCase() ?? "")
		.join("");
}

export function AvatarSection() {
	const busy = useSignal(false);
	const failure = useSignal<string | null>(null);
	const status = useSignal("");
	const url = me.value?.profile?.avatarUrl ?? null;
	const run = async (
		action: () => Promise<{ ok: boolean; problem?: { detail: string; fields: Record<string, string> } }>,
		done: string,
	) => {
		busy.value = true;
		failure.value = null;
		status.value = "";
		const result = await action();
		busy.value = false;
		if (result.ok) status.value = done;
		else failure.value = result.problem?.fields.file ? `The picture ${result.problem.fields.file}.` : (result.problem?.detail ?? null);
	};
	return (
		<section class="card" aria-labelledby="avatar-heading">
			<h2 id="avatar-heading">Avatar</h2>
			<FormAlert message={failure.value} />
			<p class="brand-preview">
				{url ? (
					<img src={url} alt="Your avatar" width={64} height={64} style={ROUND} />
				) : (
					<span
						style={{
							...ROUND,
							display: "inline-grid",
							placeItems: "center",
							width: "64px",
							height: "64px",
							background: "var(--surface-2, #e5e7eb)",
						}}
					>
						{initials(me.value?.user.name ?? "")}
					</span>
				)}
			</p>
			<label class="button secondary file-button">
				{url ? "Change picture…" : "Choose a picture…"}
				<input
					type="file"
					accept="image/png,image/jpeg,image/webp"
					class="visually-hidden"
					disabled={busy.value}
					onChange={(e) => {
						const file = e.currentTarget.files?.[0];
						if (file) void run(() => uploadAvatar(file), "Avatar saved.");
						e.currentTarget.value = "";
					}}
				/>
			</label>
			{url && (
				<Button disabled={busy.value} onClick={() => void run(removeAvatar, "Avatar removed.")}>
					Remove avatar
				</Button>
			)}
			<p role="status">{status.value}</p>
		</section>
	);
}
